using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoverageAggregator.Feeds;
using CoverageAggregator.Tests.Support;
using Xunit.Abstractions;

namespace CoverageAggregator.Tests.RealWorld;

/// <summary>
/// feedparser's encoding and ill-formed cases (../shared/benchmarks/feed-fixtures/feedparser). Its Expect lines are Python
/// over feedparser's result; the ones that name a value are translated here: "encoding == X" becomes "our decoded text
/// equals the bytes decoded as X", and feed title / first description checks compare the text.
/// </summary>
public partial class FeedparserFixtureTests(ITestOutputHelper output)
{
    private static readonly string Root = Path.Combine(Paths.FeedFixtures, "feedparser");
    private static readonly Uri FeedUrl = new("http://example.com/feed.xml");
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    static FeedparserFixtureTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void EveryEncodingCaseDecodesItsTextAsFeedparserExpects()
    {
        var cases = Manifest().Where(c => c.File.StartsWith("encoding/", StringComparison.Ordinal)).ToList();
        var failures = new List<string>();
        var checkedValues = 0;
        foreach (var row in cases)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Root, row.File));
            var charset = CharsetOf(row);
            ParsedFeed? feed = null;
            try
            {
                feed = FeedParser.Parse(bytes, FeedUrl, charset);
            }
            catch (FeedFormatException ex)
            {
                output.WriteLine($"{row.File}: format error: {ex.Message}");
            }

            if (ExpectedEncoding().Match(row.Expect) is { Success: true } encoding)
            {
                checkedValues++;
                var want = DecodeAs(bytes, encoding.Groups[1].Value);
                if (TextDecoding.Decode(bytes, charset) != want)
                {
                    failures.Add($"{row.File}: not decoded as {encoding.Groups[1].Value}");
                }
            }

            var first = feed is { Entries.Count: > 0 } ? feed.Entries[0] : null;
            foreach (var (field, expected) in ExpectedTexts(row.Expect))
            {
                checkedValues++;
                var actual = field == "title" ? feed?.Title : first?.SummaryHtml;
                if (Html5Text(actual) != Html5Text(expected))
                {
                    failures.Add($"{row.File}: {field} \"{actual}\", expected \"{expected}\"");
                }
            }

            if (row.Expect.Contains("ord(entries[0]['description']) == 8230", StringComparison.Ordinal))
            {
                checkedValues++;
                if (Html5Text(first?.SummaryHtml) != "…")
                {
                    failures.Add($"{row.File}: double-encoded ellipsis not repaired: \"{first?.SummaryHtml}\"");
                }
            }
        }

        output.WriteLine($"{cases.Count} encoding cases, {checkedValues} values checked, {failures.Count} wrong");
        failures.ForEach(output.WriteLine);
        Assert.Equal(82, cases.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public void EveryIllFormedCaseYieldsItsItemsOrAClearFormatError()
    {
        var cases = Manifest().Where(c => c.File.StartsWith("illformed/", StringComparison.Ordinal)).ToList();
        var parsed = 0;
        foreach (var row in cases)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Root, row.File));
            try
            {
                var feed = FeedParser.Parse(bytes, FeedUrl, CharsetOf(row));
                parsed++;
                output.WriteLine($"{row.File}: {feed.Entries.Count} entries, title \"{feed.Title}\"{(feed.Warnings.Count > 0 ? ", warning: " + feed.Warnings[0] : "")}");
            }
            catch (FeedFormatException ex)
            {
                output.WriteLine($"{row.File}: format error: {ex.Message}");
            }
        }

        output.WriteLine($"{cases.Count} ill-formed cases: {parsed} parsed, {cases.Count - parsed} clear format errors, no other exception");
        Assert.Equal(19, cases.Count);
    }

    [Fact]
    public void CorruptedAmpersandsInALinkAreReadAsAmpersands() =>
        Assert.Equal("http://link/get?a=1&b=2", Single("illformed/rss_item_link_corrupted_ampersands.xml").Link);

    [Fact]
    public void AnInvalidDoctypeIsStrippedAndTheFeedRead() =>
        Assert.Equal("found", FeedParser.Parse(File.ReadAllBytes(Path.Combine(Root, "illformed", "always_strip_doctype.xml")), FeedUrl).Title);

    private static FeedEntry Single(string file) =>
        Assert.Single(FeedParser.Parse(File.ReadAllBytes(Path.Combine(Root, file)), FeedUrl).Entries);

    /// <summary>The charset the fetcher would pass on: what HttpClient parses out of the case's Content-Type header.</summary>
    private static string? CharsetOf(ManifestRow row) =>
        row.HttpHeaders?.GetValueOrDefault("Content-type") is { } value && MediaTypeHeaderValue.TryParse(value, out var media)
            ? media.CharSet?.Trim('"')
            : null;

    private static string DecodeAs(byte[] bytes, string name)
    {
        var encoding = name.ToLowerInvariant() switch
        {
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            "utf-32be" => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
            "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
            var other => Encoding.GetEncoding(other),
        };
        var preamble = encoding.GetPreamble();
        var skip = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length
            : encoding is UnicodeEncoding or UTF32Encoding ? BomLength(bytes, encoding) : 0;
        return encoding.GetString(bytes, skip, bytes.Length - skip);
    }

    private static int BomLength(byte[] bytes, Encoding encoding)
    {
        var bom = encoding is UnicodeEncoding unicode
            ? (unicode.Equals(new UnicodeEncoding(true, false)) ? new byte[] { 0xFE, 0xFF } : [0xFF, 0xFE])
            : encoding.Equals(new UTF32Encoding(true, false)) ? [0x00, 0x00, 0xFE, 0xFF] : [0xFF, 0xFE, 0x00, 0x00];
        return bytes.AsSpan().StartsWith(bom) ? bom.Length : 0;
    }

    /// <summary>The values an Expect line compares: feed['title'] == '...' and entries[0]['description'] == '...'.</summary>
    private static IEnumerable<(string Field, string Value)> ExpectedTexts(string expect)
    {
        foreach (Match match in ExpectedText().Matches(expect))
        {
            yield return (match.Groups[1].Value == "feed['title']" ? "title" : "description", Regex.Unescape(match.Groups[2].Value));
        }
    }

    /// <summary>What a browser shows for an HTML fragment: entities decoded, C1 code points read as Windows-1252.</summary>
    private static string? Html5Text(string? html) => html is null ? null : TextRepair.Repair(System.Net.WebUtility.HtmlDecode(html)).Trim();

    private static List<ManifestRow> Manifest() =>
        JsonSerializer.Deserialize<List<ManifestRow>>(File.ReadAllText(Path.Combine(Root, "manifest.json")), Web)!;

    [GeneratedRegex(@"encoding == '([^']+)'")]
    private static partial Regex ExpectedEncoding();

    [GeneratedRegex(@"(feed\['title'\]|entries\[0\]\['description'\]) == '((?:[^'\\]|\\.)*)'")]
    private static partial Regex ExpectedText();

    private sealed record ManifestRow(string File, string Expect, [property: System.Text.Json.Serialization.JsonPropertyName("http_headers")] Dictionary<string, string>? HttpHeaders);
}
