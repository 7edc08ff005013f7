using System.Text.Json;
using System.Text.RegularExpressions;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Tests.RealWorld;

/// <summary>
/// One feed-rs fixture compared with its golden parse on the fields the aggregator uses: entry count, and per entry
/// the title text, the first (alternate) link made absolute, and the published instant (else updated). Ids are not
/// compared: feed-rs invents them when the source has none.
/// </summary>
public sealed partial record FeedRsGolden(string Source, int Fields, int Agreeing, IReadOnlyList<string> Differences)
{
    public static readonly Uri FeedUrl = new("https://example.com/blog/feed.xml");

    public bool Agrees => Differences.Count == 0;

    public static FeedRsGolden Compare(string root, string source, string golden)
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, golden)));
        var parsed = FeedParser.Parse(File.ReadAllBytes(Path.Combine(root, source)), FeedUrl);
        var differences = new List<string>();
        var fields = 1;
        var agreeing = 0;
        var goldenEntries = expected.RootElement.GetProperty("entries").EnumerateArray().ToList();
        if (goldenEntries.Count == parsed.Entries.Count)
        {
            agreeing++;
        }
        else
        {
            differences.Add($"entries: golden {goldenEntries.Count}, ours {parsed.Entries.Count}");
        }

        foreach (var (golden1, ours) in goldenEntries.Zip(parsed.Entries))
        {
            Check("title", Normalize(TextOf(golden1, "title")), Normalize(ours.Title));
            Check("link", LinkOf(golden1), ours.Link);
            Check("date", DateOf(golden1), ours.PublishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        }

        return new FeedRsGolden(source, fields, agreeing, differences);

        void Check(string field, string? want, string? got)
        {
            fields++;
            if (want == got)
            {
                agreeing++;
            }
            else
            {
                differences.Add($"{field}: golden \"{want}\", ours \"{got}\"");
            }
        }
    }

    private static string? TextOf(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.Object ? text.GetProperty("content").GetString() : null;

    /// <summary>The alternate link (rel absent or "alternate"), else the first, resolved against the feed URL as we do.</summary>
    private static string? LinkOf(JsonElement entry)
    {
        var links = entry.GetProperty("links").EnumerateArray().ToList();
        var link = links.FirstOrDefault(l => l.GetProperty("rel").GetString() is null or "alternate");
        if (link.ValueKind == JsonValueKind.Undefined)
        {
            link = links.FirstOrDefault();
        }

        var href = link.ValueKind == JsonValueKind.Object ? link.GetProperty("href").GetString() : null;
        return href is null ? null : Uri.TryCreate(FeedUrl, href, out var uri) ? uri.AbsoluteUri : href;
    }

    private static string? DateOf(JsonElement entry)
    {
        foreach (var name in new[] { "published", "updated" })
        {
            if (entry.TryGetProperty(name, out var date) && date.ValueKind == JsonValueKind.String)
            {
                return DateTimeOffset.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
            }
        }

        return null;
    }

    /// <summary>Titles compared as text: whitespace collapsed, HTML entities decoded (feed-rs keeps Atom html titles raw).</summary>
    private static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
