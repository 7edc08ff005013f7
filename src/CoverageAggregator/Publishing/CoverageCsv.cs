using System.Globalization;
using System.Text;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The coverage as CSV for communications teams (RFC 4180 quoting, CRLF rows): one row per item with date, kind, outlet,
/// title, author, url, cites-by, quote, the engagement per kind the platform reported (likes, reposts, replies, quotes,
/// points; empty where it reports none) and their total, for a reply, quote or comment the item it answers (parent),
/// and the aggregators an article came through (via).
/// A cell starting with = + - @ (or tab/CR) gets a ' prefix so a spreadsheet never runs it as a formula.
/// </summary>
public static class CoverageCsv
{
    public static readonly string[] Columns =
        ["date", "kind", "outlet", "title", "author", "url", "cites_by", "quote", "likes", "reposts", "replies", "quotes", "points", "engagement", "parent", "via"];

    public static string Render(CoverageExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var csv = new StringBuilder();
        var threads = new CoverageThreads(export.Items);
        AppendRow(csv, Columns);
        foreach (var item in export.Items)
        {
            AppendRow(csv,
            [
                item.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                item.Kind,
                item.Outlet,
                item.Title,
                item.Author,
                item.Url,
                item.CitesBy,
                item.Quotes.Count > 0 ? item.Quotes[0] : null,
                Count(item.Engagement?.Likes),
                Count(item.Engagement?.Reposts),
                Count(item.Engagement?.Replies),
                Count(item.Engagement?.Quotes),
                Count(item.Engagement?.Points),
                Count(item.Engagement?.Total),
                item.Parent is null ? null : threads.Above(item)?.Url ?? item.Parent,
                item.Via is { Count: > 0 } via ? string.Join("; ", via) : null,
            ]);
        }

        return csv.ToString();
    }

    private static string? Count(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
