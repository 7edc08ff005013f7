using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoverageAggregator.Feeds;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Feeds;

/// <summary>
/// The fixture corpus: TestData/Feeds/&lt;behaviour&gt;.xml|json, one behaviour per file, each with &lt;behaviour&gt;.expected.json
/// beside it. The golden lists the entries (title, link, author, publishedAt in UTC, the first 80 characters of the
/// content as text), "recovered": true when the lenient pass had to repair the XML, or "error": true when the feed must
/// be refused with a <see cref="FeedFormatException"/>. An optional "httpCharset" is the charset the server declared.
/// </summary>
public partial class FeedFixtureTests
{
    /// <summary>The URL every fixture is served from: relative links resolve against it.</summary>
    public static readonly Uri FeedUrl = new("https://feeds.example/blog/feed.xml");

    private static readonly string Folder = Path.Combine(Paths.TestData, "Feeds");
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Fixtures() => new(Inputs());

    private static List<string> Inputs() =>
        Directory.EnumerateFiles(Folder).Select(f => Path.GetFileName(f)!)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EachFixtureParsesAsItsGoldenFileSays(string fixture)
    {
        var goldenPath = Path.Combine(Folder, Path.GetFileNameWithoutExtension(fixture) + ".expected.json");
        Assert.True(File.Exists(goldenPath), $"{fixture} has no golden file beside it");
        var golden = JsonNode.Parse(File.ReadAllText(goldenPath))!.AsObject();
        var bytes = File.ReadAllBytes(Path.Combine(Folder, fixture));
        var charset = golden["httpCharset"]?.GetValue<string>();

        if (golden["error"]?.GetValue<bool>() == true)
        {
            Assert.Throws<FeedFormatException>(() => FeedParser.Parse(bytes, FeedUrl, charset));
            return;
        }

        var feed = FeedParser.Parse(bytes, FeedUrl, charset);
        var actual = new JsonArray(feed.Entries.Select(Summarize).ToArray<JsonNode?>());
        Assert.Equal(golden["entries"]!.ToJsonString(Indented), actual.ToJsonString(Indented));
        Assert.Equal(golden["recovered"]?.GetValue<bool>() == true, feed.Warnings.Count > 0);
    }

    [Fact]
    public void EveryFixtureIsNamedForOneBehaviourAndHasAGolden()
    {
        var inputs = Inputs();
        Assert.True(inputs.Count >= 40);
        Assert.All(inputs, name => Assert.Matches("^[a-z0-9_]+\\.(xml|json)$", name));
        Assert.All(Directory.EnumerateFiles(Folder, "*.expected.json"), golden =>
            Assert.Contains(inputs, input => Path.GetFileNameWithoutExtension(input) + ".expected.json" == Path.GetFileName(golden)));
    }

    private static JsonObject Summarize(FeedEntry entry) => new()
    {
        ["title"] = entry.Title,
        ["link"] = entry.Link,
        ["author"] = entry.Author,
        ["publishedAt"] = entry.PublishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["content"] = TextOf(entry.ContentHtml),
    };

    /// <summary>The content as text: tags dropped, entities decoded, whitespace collapsed, the first 80 characters.</summary>
    private static string? TextOf(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var text = Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(BlockTag().Replace(html, " "), "")), " ").Trim();
        return text.Length == 0 ? null : text[..Math.Min(80, text.Length)];
    }

    [GeneratedRegex(@"</?(?:p|div|br|li|h[1-6]|blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
