using System.Text;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Publishing;

/// <summary>The coverage page: the essay as headline, related coverage by outlet, discussion by platform, most-quoted passages.</summary>
public static class CoveragePage
{
    public static string Render(CoverageExport export)
    {
        var essay = export.Essay;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Coverage: ").Append(Html.Text(essay.Title)).Append("</title>\n")
            .Append("<style>").Append(Styles).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<header class=\"essay\">\n<p class=\"label\">Coverage of</p>\n<h1>")
            .Append(Html.Link(essay.Urls.Count > 0 ? essay.Urls[0] : null, essay.Title)).Append("</h1>\n<p class=\"byline\">")
            .Append(Html.Text(string.Join(" · ", new[] { essay.Author, essay.Publication }.OfType<string>())));
        if (essay.PublishedAt is not null)
        {
            html.Append(" · ").Append(Html.Date(essay.PublishedAt));
        }

        html.Append("</p>\n<ul class=\"counts\">")
            .Append($"<li><strong>{export.Counts.Articles}</strong> articles</li>")
            .Append($"<li><strong>{export.Counts.Posts}</strong> posts</li>")
            .Append($"<li><strong>{export.Counts.Outlets}</strong> outlets</li>")
            .Append($"<li><strong>{export.Counts.Quotes}</strong> verified quotes</li>")
            .Append("</ul>\n</header>\n");

        var articles = export.Items.Where(i => i.Kind == CoverageKinds.Article).ToList();
        html.Append("<section aria-labelledby=\"related\">\n<h2 id=\"related\">Related coverage</h2>\n");
        if (articles.Count == 0)
        {
            html.Append("<p class=\"empty\">No coverage found yet.</p>\n");
        }

        foreach (var outlet in articles.GroupBy(i => i.Outlet ?? "Unknown outlet").OrderByDescending(g => g.Max(i => i.PublishedAt)))
        {
            html.Append("<article class=\"outlet\">\n<h3>").Append(Html.Text(outlet.Key)).Append("</h3>\n");
            foreach (var item in outlet)
            {
                AppendItem(html, item);
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");

        var posts = export.Items.Where(i => i.Kind != CoverageKinds.Article).ToList();
        html.Append("<section aria-labelledby=\"discussion\">\n<h2 id=\"discussion\">Discussion</h2>\n");
        if (posts.Count == 0)
        {
            html.Append("<p class=\"empty\">No discussion found yet.</p>\n");
        }

        foreach (var platform in posts.GroupBy(i => i.Outlet ?? "Other").OrderByDescending(g => g.Count()))
        {
            html.Append("<div class=\"platform\">\n<h3>").Append(Html.Text(platform.Key)).Append("</h3>\n");
            foreach (var item in platform)
            {
                AppendItem(html, item);
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"quoted\">\n<h2 id=\"quoted\">Most-quoted passages</h2>\n");
        if (export.MostQuoted.Count == 0)
        {
            html.Append("<p class=\"empty\">No verified quotes yet.</p>\n");
        }
        else
        {
            html.Append("<ol class=\"passages\">\n");
            foreach (var passage in export.MostQuoted)
            {
                html.Append("<li><blockquote>").Append(Html.Text(passage.Text)).Append("</blockquote> <span class=\"count\">quoted by ")
                    .Append(passage.Count).Append(passage.Count == 1 ? " item" : " items").Append("</span></li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("</section>\n<footer><p>Generated ").Append(Html.Date(export.GeneratedAt))
            .Append(" by CoverageAggregator.</p></footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendItem(StringBuilder html, ExportItem item)
    {
        html.Append("<div class=\"item\">\n<p class=\"headline\">")
            .Append(Html.Link(item.Url, item.Title ?? item.Excerpt ?? item.Url, "rel=\"nofollow noopener\""))
            .Append("</p>\n<p class=\"meta\">");
        var meta = new List<string>();
        if (item.Author is not null)
        {
            meta.Add(Html.Text(item.Author));
        }

        if (item.PublishedAt is not null)
        {
            meta.Add(Html.Date(item.PublishedAt));
        }

        meta.Add($"<span class=\"cites cites-{Html.Text(item.CitesBy)}\">cites by {Html.Text(item.CitesBy)}</span>");
        html.Append(string.Join(" · ", meta)).Append("</p>\n");
        if (item.Quotes.Count > 0)
        {
            html.Append("<blockquote class=\"pull\">").Append(Html.Text(item.Quotes[0])).Append("</blockquote>\n");
        }
        else if (item.Kind != CoverageKinds.Article && item.Excerpt is not null)
        {
            html.Append("<p class=\"excerpt\">").Append(Html.Text(item.Excerpt)).Append("</p>\n");
        }

        if (item.AlsoAt.Count > 0)
        {
            html.Append("<p class=\"also\">Also at: ")
                .Append(string.Join(", ", item.AlsoAt.Take(5).Select(u => Html.Link(u, Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : u, "rel=\"nofollow noopener\""))))
                .Append("</p>\n");
        }

        html.Append("</div>\n");
    }

    private const string Styles =
        "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}" +
        "main{max-width:52rem;margin:0 auto;padding:1rem}" +
        "a{color:#0645ad}h1{font-size:1.8rem;margin:.2rem 0}h2{border-bottom:2px solid #222;padding-bottom:.2rem;margin-top:2rem}" +
        ".label{text-transform:uppercase;font-size:.8rem;color:#555;margin:0}.byline,.meta{color:#444;margin:.2rem 0}" +
        ".counts{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}" +
        ".outlet h3,.platform h3{font-size:1rem;margin:1.2rem 0 .3rem;color:#333}.item{margin:0 0 1rem 0}" +
        ".headline{font-weight:600;margin:0}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.7rem;border-left:3px solid #bbb;color:#333}" +
        ".also,.excerpt{font-size:.9rem;color:#444;margin:.2rem 0}.cites{font-size:.8rem;background:#eef;padding:0 .3rem;border-radius:3px}" +
        "@media (max-width:40rem){main{padding:.5rem}h1{font-size:1.4rem}}";
}
