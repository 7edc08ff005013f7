using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

public class AggregatorThreadTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "aggregator-threads");

    [Fact]
    public async Task AnHnrssEntryIsDiscoveryItsThreadADiscussionOfTheEssayOrOfTheCitingArticle()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var items = (await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None)).ToDictionary(i => i.Url);

        Assert.Equal(3, items.Count);
        var essayThread = items["https://news.ycombinator.com/item?id=47990001"];
        Assert.Equal((CoverageKinds.Discussion, "Hacker News", null), (essayThread.Kind, essayThread.Outlet, essayThread.About));
        Assert.Equal(new Engagement(Replies: 148, Points: 212), essayThread.Engagement);
        var article = items["https://ai-dispatch.example/2026/05/05/clark-automated-research/"];
        Assert.Equal((CoverageKinds.Article, "AI Dispatch", "Lena Moreau"), (article.Kind, article.Outlet, article.Author));
        Assert.Equal(["Hacker News"], article.Via);
        Assert.Empty(essayThread.Via);
        var articleThread = items["https://news.ycombinator.com/item?id=47991234"];
        Assert.Equal((CoverageKinds.Discussion, article.Url), (articleThread.Kind, articleThread.About));
    }
}
