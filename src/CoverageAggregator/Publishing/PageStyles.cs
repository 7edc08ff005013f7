namespace CoverageAggregator.Publishing;

/// <summary>The pages' one inline stylesheet (the CSP allows inline styles, nothing external). Colours meet WCAG AA contrast.</summary>
internal static class PageStyles
{
    public const string Css =
        "*{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1a1a1a;background:#fafaf7}" +
        "main{max-width:56rem;margin:0 auto;padding:0 1rem 2rem}a{color:#0b4f9c}a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #d9822b;outline-offset:2px}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:2}" +
        ".top{max-width:56rem;margin:0 auto;padding:.6rem 1rem;font-size:.9rem}" +
        "h1{font-size:2rem;line-height:1.2;margin:.2rem 0}h1 a{color:#111;text-decoration-thickness:1px}" +
        "h2{font-size:1.25rem;border-bottom:2px solid #222;padding-bottom:.2rem;margin:2rem 0 .8rem}" +
        ".essay{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1.2rem 1.4rem;margin-top:.4rem}" +
        ".label{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;color:#555;margin:0}.byline{color:#444;margin:.3rem 0}" +
        ".counts{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;margin:.8rem 0 0}" +
        ".counts li{background:#f1f4f8;border-radius:6px;padding:.3rem .8rem}.counts strong{font-size:1.3rem;margin-right:.25rem}" +
        ".since{margin:.8rem 0 0;color:#333}.new{display:inline-block;background:#8a1c1c;color:#fff;font-size:.72rem;font-weight:700;text-transform:uppercase;border-radius:3px;padding:0 .35rem;vertical-align:middle}" +
        ".filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;margin:1.2rem 0 0;padding:.8rem 1rem;background:#fff;border:1px solid #ddd;border-radius:8px}" +
        ".field{display:flex;flex-direction:column;font-size:.85rem;color:#333}.field select,.field input{font:inherit;font-size:.95rem;padding:.25rem .3rem;min-width:8rem;max-width:16rem;border:1px solid #767676;border-radius:4px;background:#fff}" +
        ".actions button{font:inherit;padding:.35rem 1rem;background:#0b4f9c;color:#fff;border:0;border-radius:4px;cursor:pointer}.filtered{font-size:.9rem;color:#333}" +
        ".timeline{margin:0;overflow-x:auto}.timeline svg{display:block;width:100%;height:auto;background:#fff;border:1px solid #ddd;border-radius:6px}" +
        "figcaption{font-size:.85rem;color:#444}.key{display:inline-block;width:.8rem;height:.8rem;margin:0 .2rem 0 .6rem;vertical-align:middle}.key.a{background:#1f5fa8}.key.p{background:#d9822b}" +
        ".outlet{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:.2rem 1rem .4rem;margin:0 0 .8rem}" +
        ".outlet h3,.platform h3{font-size:.85rem;text-transform:uppercase;letter-spacing:.05em;margin:.8rem 0 .3rem;color:#444}.n{color:#555;font-weight:400}" +
        ".item{margin:0 0 .9rem}.headline{font-weight:600;font-size:1.08rem;margin:0;overflow-wrap:anywhere}.meta{color:#444;font-size:.9rem;margin:.1rem 0}" +
        "blockquote{margin:.35rem 0 .35rem .2rem;padding:.1rem 0 .1rem .8rem;border-left:3px solid #1f5fa8;color:#222;font-style:italic}" +
        ".also,.excerpt,.permalink{font-size:.9rem;color:#333;margin:.2rem 0;overflow-wrap:anywhere}" +
        ".cites{font-size:.78rem;background:#e8eef7;color:#1a3a66;padding:0 .35rem;border-radius:3px}.engagement{font-weight:600}" +
        ".threads{list-style:none;margin:.3rem 0 0;padding:.3rem 0 0 .8rem;border-left:3px solid #d9822b;font-size:.9rem;color:#333}.threads li{margin:.15rem 0}" +
        ".replies{border-left-color:#1f5fa8;margin-top:.4rem}.sum{font-weight:400;text-transform:none;letter-spacing:0;color:#444}" +
        ".posts{list-style:none;padding:0;margin:0}.post{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:.5rem 1rem;margin:0 0 .6rem}" +
        ".waiting{padding-left:1.2rem;font-size:.92rem}.waiting li{margin:.2rem 0;overflow-wrap:anywhere}" +
        ".passages{padding-left:1.4rem}.passages li{margin-bottom:.6rem}.count{font-size:.85rem;color:#444;margin:0}.empty{color:#555;font-style:italic}" +
        ".essays{list-style:none;padding:0}.essays li{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.7rem 1rem;margin:0 0 .6rem}" +
        "footer{max-width:56rem;margin:0 auto;padding:1rem;color:#444;font-size:.85rem;border-top:1px solid #ddd}" +
        "@media (max-width:40rem){main{padding:0 .6rem 1.5rem}h1{font-size:1.45rem}.essay{padding:.9rem}.field select,.field input{min-width:0;width:100%}.field{flex:1 1 45%}}";
}
