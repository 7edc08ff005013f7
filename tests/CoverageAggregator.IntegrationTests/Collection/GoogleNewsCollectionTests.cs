using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Resolving;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

public class GoogleNewsCollectionTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "google-news-current");

    [Fact]
    public async Task AnItemWithACurrentGoogleNewsTokenIsStoredAtThePublishersArticle()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var items = await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None);

        var item = Assert.Single(items);
        Assert.Equal("https://ai-dispatch.example/2026/05/05/clark-automated-research/", item.Url);
        Assert.Equal("AI Dispatch", item.Outlet);
        Assert.Equal("Lena Moreau", item.Author);
        Assert.DoesNotContain(item.AlsoAt, GoogleNewsLinks.IsGoogleNews);
        var log = JsonDocument.Parse(await server.RequestLogAsync()).RootElement.EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToList();
        Assert.Contains("/news.google.com/_/DotsSplashUi/data/batchexecute", log);
    }
}
