using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

public class PaginatedArticleTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "paginated-article");

    [Fact]
    public async Task AnArticleWhoseOnlyLinkToTheEssayIsOnItsSecondPageIsCoverage()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var items = await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None);

        var item = Assert.Single(items);
        Assert.Equal(("https://compute-notes.example/2026/05/06/what-the-labs-are-automating/", CitesBy.Link), (item.Url, item.CitesBy));
        Assert.Equal("Compute Notes", item.Outlet);
    }
}
