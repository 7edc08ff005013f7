using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

public class TechmemeCollectionTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "techmeme-items");

    [Fact]
    public async Task TechmemeItemsAreJudgedAndStoredAtThePublishersArticleViaTechmeme()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var items = (await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None)).ToDictionary(i => i.Url);

        Assert.Equal(2, items.Count);
        Assert.DoesNotContain(items.Values.SelectMany(i => i.AlsoAt.Append(i.Url)), u => u.Contains("techmeme.com", StringComparison.OrdinalIgnoreCase));
        var linking = items["https://ai-dispatch.example/2026/05/05/clark-automated-research/"];
        Assert.Equal((CoverageKinds.Article, "AI Dispatch", "Lena Moreau"), (linking.Kind, linking.Outlet, linking.Author));
        Assert.Equal("Jack Clark says AI labs are starting to automate their own research", linking.Title);
        Assert.Equal(["Techmeme"], linking.Via);
        var naming = items["https://frontier-ledger.example/analysis/import-ai-455-odds"];
        Assert.Equal((Matching.CitesBy.Mention, "Sam Okafor", null), (naming.CitesBy, naming.Author, naming.Outlet));
        Assert.Equal(["Techmeme"], naming.Via);

        var snapshot = await host.Get<CoverageSnapshots>().RebuildAsync("import-ai-455", CancellationToken.None);
        Assert.All(snapshot!.Export.Items, i => Assert.Equal(["Techmeme"], i.Via));
        Assert.Equal(["AI Dispatch", "frontier-ledger.example"], snapshot.Export.Items.Select(i => i.Outlet).Order());
    }
}
