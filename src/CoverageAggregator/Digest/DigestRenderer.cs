using System.Globalization;
using System.Text;
using CoverageAggregator.Coverage;
using CoverageAggregator.Publishing;

namespace CoverageAggregator.Digest;

/// <summary>A digest in HTML (email-safe: inline styles, no script, every text encoded) and in plain text.</summary>
public static class DigestRenderer
{
    public static OutboundMessage Render(CoverageExport export, IReadOnlyList<ExportItem> fresh, DateOnly date, DateTimeOffset since, string pageUrl, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(fresh);
        var essay = export.Essay;
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subject = fresh.Count == 0
            ? $"No new coverage of \"{essay.Title}\" ({day})"
            : $"{fresh.Count} new {(fresh.Count == 1 ? "item" : "items")} about \"{essay.Title}\" ({day})";
        var intro = fresh.Count == 0
            ? $"No new coverage since {Stamp(since)}."
            : $"New since {Stamp(since)}: {fresh.Count(i => i.Kind == CoverageKinds.Article)} articles, {fresh.Count(i => i.Kind != CoverageKinds.Article)} posts.";
        var shown = fresh.Take(maxItems).ToList();

        var text = new StringBuilder();
        text.Append(subject).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var item in shown)
        {
            text.Append("- ").Append(item.Title ?? item.Excerpt ?? item.Url).Append(" — ").Append(item.Outlet ?? "")
                .Append(item.Author is null ? "" : ", " + item.Author).Append(" (").Append(item.Kind).Append(", cites by ").Append(item.CitesBy).Append(")\n  ")
                .Append(item.Url).Append('\n');
            if (item.Quotes.Count > 0)
            {
                text.Append("  “").Append(item.Quotes[0]).Append("”\n");
            }
        }

        if (fresh.Count > shown.Count)
        {
            text.Append("… and ").Append(fresh.Count - shown.Count).Append(" more.\n");
        }

        text.Append("\nThe coverage page: ").Append(pageUrl).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Enc(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;color:#1a1a1a;max-width:40rem;margin:0 auto;padding:1rem\">")
            .Append("<h1 style=\"font-size:1.3rem\">").Append(Enc(essay.Title)).Append("</h1><p>").Append(Enc(intro)).Append("</p>");
        if (shown.Count > 0)
        {
            html.Append("<ul style=\"padding-left:1.2rem\">");
            foreach (var item in shown)
            {
                html.Append("<li style=\"margin-bottom:.7rem\">").Append(Link(item.Url, item.Title ?? item.Excerpt ?? item.Url))
                    .Append("<br><span style=\"color:#444;font-size:.9rem\">").Append(Enc(item.Outlet ?? ""))
                    .Append(item.Author is null ? "" : " · " + Enc(item.Author)).Append(" · ").Append(Enc(item.Kind))
                    .Append(" · cites by ").Append(Enc(item.CitesBy)).Append("</span>");
                if (item.Quotes.Count > 0)
                {
                    html.Append("<blockquote style=\"margin:.3rem 0;padding-left:.7rem;border-left:3px solid #1f5fa8\">").Append(Enc(item.Quotes[0])).Append("</blockquote>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (fresh.Count > shown.Count)
        {
            html.Append("<p>… and ").Append(fresh.Count - shown.Count).Append(" more.</p>");
        }

        html.Append("<p>").Append(Link(pageUrl, "Open the coverage page")).Append("</p></body></html>");
        return new OutboundMessage($"digest:{essay.Id}:{day}", "digest", essay.Id, subject, html.ToString(), text.ToString(), pageUrl);
    }

    internal static string Enc(string value) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(value);

    internal static string Link(string url, string text) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{Enc(uri.AbsoluteUri)}\">{Enc(text)}</a>"
            : Enc(text);

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
