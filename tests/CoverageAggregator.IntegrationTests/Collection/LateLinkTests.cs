using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>Essays are cited for years: a title-only feed item two years after the essay is fetched, and its link counts (LateLinkCorpus/README.md).</summary>
public class LateLinkTests
{
    private static readonly string Corpus = Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Collection", "LateLinkCorpus");

    [Fact]
    public async Task APageTwoYearsAfterTheEssayThatLinksItIsCoverageAndOneThatOnlyNamesItIsNot()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var items = await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None);

        var item = Assert.Single(items);
        Assert.EndsWith("/aifutures.example/2028/lecture-12/", item.Url, StringComparison.Ordinal);
        Assert.Equal(CitesBy.Link, item.CitesBy);
        Assert.Equal(2028, item.PublishedAt?.Year);
        Assert.Equal("en", item.Language);
    }
}
