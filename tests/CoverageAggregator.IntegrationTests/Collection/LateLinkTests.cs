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
    public async Task PagesTwoYearsAfterTheEssayThatLinkItAreCoverageInAnyLanguageAndOneThatOnlyNamesItIsNot()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var items = await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None);

        Assert.Equal(["lecture-12/ en", "lecture-14/ zh-Hans", "lecture-15/ ja"],
            items.Select(i => $"{i.Url[(i.Url.LastIndexOf("/lecture-", StringComparison.Ordinal) + 1)..]} {i.Language}").Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal(CitesBy.Link, i.CitesBy));
        Assert.All(items, i => Assert.Equal(2028, i.PublishedAt?.Year));
    }
}
