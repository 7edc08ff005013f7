using CoverageAggregator.Configuration;
using CoverageAggregator.Configuration.Discovery;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Configuration;

/// <summary>
/// `coverage init` on saved essay pages served from loopback (TestData/Init/&lt;case&gt;: url.txt is the page to start
/// from, files/ the pages and feeds, expected.json the sources file it must write; README.md says what each case is).
/// </summary>
public class EssayDiscoveryTests
{
    /// <summary>A fetch's time limit: generous, so that a loaded machine never turns a loopback answer into a timeout.</summary>
    private const int Patience = 30;

    private static readonly string Folder = Path.Combine(Paths.TestData, "Init");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order()];

    /// <summary>Serves the case's pages from loopback and runs init on <paramref name="path"/> (default: the case's url.txt).</summary>
    private static async Task<(DiscoveredEssay Discovered, string BaseUrl)> DiscoverAsync(string name, string? path = null)
    {
        var folder = Path.Combine(Folder, name);
        await using var site = FileSite.Serve(folder);
        using var fetcher = FetcherHost.Allowing(site, timeoutSeconds: Patience);
        var url = path is null
            ? (await File.ReadAllTextAsync(Path.Combine(folder, "url.txt"))).Trim().Replace("{{BASE}}", site.BaseUrl, StringComparison.Ordinal)
            : site.BaseUrl + path;
        return (await new EssayDiscovery(fetcher.Fetcher).DiscoverAsync(new Uri(url), CancellationToken.None), site.BaseUrl);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InitWritesTheExpectedSourcesFile(string name)
    {
        var (discovered, baseUrl) = await DiscoverAsync(name);

        var expected = (await File.ReadAllTextAsync(Path.Combine(Folder, name, "expected.json"))).Replace("{{BASE}}", baseUrl, StringComparison.Ordinal);
        Assert.Equal(expected.ReplaceLineEndings(), SourcesFile.Serialize(discovered.Config).ReplaceLineEndings());
    }

    [Fact]
    public async Task TheWrittenFileLoadsAsASourcesFile()
    {
        var (discovered, _) = await DiscoverAsync("wordpress-post");

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SourcesFile.Serialize(discovered.Config)));
        var loaded = await ConfigLoader.ParseAsync(stream, "init", CancellationToken.None);

        var essay = discovered.Config.Essays[0];
        Assert.Equal(essay, loaded.Essays[0] with { Urls = essay.Urls, Keywords = essay.Keywords });
        Assert.Equal(essay.Urls, loaded.Essays[0].Urls);
        Assert.Equal(essay.Keywords, loaded.Essays[0].Keywords);
        Assert.Equal(discovered.Config.Feeds, loaded.Feeds);
    }

    [Fact]
    public async Task ThePrintedChecksNameEveryCredentialSetting()
    {
        var (discovered, _) = await DiscoverAsync("wordpress-post");

        foreach (var setting in new[] { "BlueskyIdentifier", "BlueskyAppPassword", "MastodonAccessToken", "RedditClientId", "RedditClientSecret", "XBearerToken" })
        {
            Assert.Contains(discovered.ToCheck, line => line.Contains("Coverage__Credentials__" + setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task APageThatCannotBeFetchedIsAClearError()
    {
        var error = await Assert.ThrowsAsync<DiscoveryException>(() => DiscoverAsync("wordpress-post", "/gradientledger.com/no-such-post/"));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Import AI 455: AI systems are about to start building themselves", "Import AI", "Jack Clark", new[] { "Import AI 455", "AI systems are about to start building themselves" })]
    [InlineData("Episode 12 - Rivers", "The Podcast", null, new[] { "Episode 12" })]
    [InlineData("The Compute Cliff", "Mara Okafor", "Mara Okafor", new[] { "The Compute Cliff" })]
    [InlineData("Frontier Notes", "Frontier Notes", null, new string[0])]
    public void KeywordsNameTheIssueAndNotThePublication(string title, string? publication, string? author, string[] expected) =>
        Assert.Equal(expected, EssayKeywords.Of(title, publication, author));
}
