using System.Text;

namespace CoverageAggregator.Publishing;

/// <summary>GET /api/status: a self-contained HTML table of every source's health. Every value is HTML-encoded.</summary>
public static class SourceStatusPage
{
    public static string Render(IReadOnlyList<SourceStatusRow> sources, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var failing = sources.Count(s => s.ConsecutiveFailures > 0 || s.Disabled);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Source status</title>\n")
            .Append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}")
            .Append(".ok{color:#17663a}.warning,.waiting{color:#8a5a00}.failing,.disabled{color:#a11}.err{max-width:32rem;overflow-wrap:anywhere}</style>\n")
            .Append("</head>\n<body>\n<main>\n<h1>Source status</h1>\n<p>")
            .Append(sources.Count).Append(" sources, ").Append(failing).Append(" failing or disabled; as of ")
            .Append(Html.Date(now)).Append(' ').Append(Html.Text(now.UtcDateTime.ToString("HH:mm 'UTC'"))).Append(".</p>\n")
            .Append("<table>\n<thead><tr><th>source</th><th>kind</th><th>status</th><th>last success</th><th>failures</th>")
            .Append("<th>next due</th><th>items</th><th>pending</th><th>posts read</th><th>last error or warning</th></tr></thead>\n<tbody>\n");
        foreach (var source in sources)
        {
            var status = source.Status(now);
            html.Append("<tr><td>").Append(Html.Link(source.Url, source.Name, "rel=\"nofollow noopener\""))
                .Append("</td><td>").Append(Html.Text(source.Kind))
                .Append("</td><td class=\"").Append(Html.Text(status.Replace(' ', '-'))).Append("\">").Append(Html.Text(status))
                .Append("</td><td>").Append(Moment(source.LastSuccessAt, "never"))
                .Append("</td><td>").Append(source.ConsecutiveFailures)
                .Append("</td><td>").Append(source.Disabled ? "—" : Moment(source.RetryNotBefore > source.NextDueAt ? source.RetryNotBefore : source.NextDueAt, "now"))
                .Append("</td><td>").Append(source.LastItemCount)
                .Append("</td><td>").Append(source.PendingEntries ?? 0)
.Append("</td><td>").Append(source.LastPostsRead is { } read ? read.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—")
                .Append("</td><td class=\"err\">").Append(Html.Text(source.LastError ?? source.LastWarning))
                .Append(source.LastError is not null && source.LastErrorAt is { } at ? " (" + Moment(at, "") + ")" : "")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Moment(DateTimeOffset? value, string none) =>
        value is { } v ? $"<time datetime=\"{v.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{v.UtcDateTime:yyyy-MM-dd HH:mm} UTC</time>" : Html.Text(none);
}
