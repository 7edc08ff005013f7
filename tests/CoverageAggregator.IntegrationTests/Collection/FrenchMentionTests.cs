using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

public class FrenchMentionTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "french-mention");

    [Fact]
    public async Task AFrenchArticleNamingTheAuthorThePublicationAndTheIssueIsAMentionInFrench()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var item = Assert.Single(await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None));

        Assert.Equal(("https://lefil-ia.example/2026/05/06/jack-clark-recherche-automatisee/", CitesBy.Mention, "fr"), (item.Url, item.CitesBy, item.Language));
        Assert.Equal(("Le Fil IA", "Camille Durand"), (item.Outlet, item.Author));
    }
}
