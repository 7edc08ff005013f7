using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.HackerNews;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

/// <summary>The comments of a story that cites the essay (search?tags=comment,story_&lt;id&gt;), judged in their thread.</summary>
public class HackerNewsThreadTests
{
    private const string Search = "/api/v1/search";
    private const string ByDate = "/api/v1/search_by_date";
    private const string Story = "https://news.ycombinator.com/item?id=41000001";

    private static RoutedApi AlgoliaApi() => new RoutedApi()
        .On(Search, Reply.Json("hn-thread-comments.json"), "tags=comment%2Cstory_")
        .On(Search, Reply.Json("hn-stories-page1.json"), "&page=1")
        .On(Search, Reply.Json("hn-stories-page0.json"), "restrictSearchableAttributes=url")
        .On(Search, new Reply(200, "{\"hits\":[],\"nbPages\":0}"))
        .On(ByDate, Reply.Json("hn-stories-page0.json"), "restrictSearchableAttributes=url")
        .On(ByDate, new Reply(200, "{\"hits\":[],\"nbPages\":0}"));

    private static async Task<IReadOnlyList<CoverageItem>> ItemsAsync(RoutedApi api)
    {
        var fetcher = Fetcher();
        var run = await new HackerNewsCollector(fetcher, Judge(fetcher)).CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);
        return run.Items;
    }

    [Fact]
    public async Task ACommentQuotingTheEssayUnderAStoryCitingItIsAPostAttachedToTheStory()
    {
        await using var api = AlgoliaApi();

        var items = await ItemsAsync(api);

        var comment = Assert.Single(items, i => i.Author == "quaywright");
        Assert.Equal(("https://news.ycombinator.com/item?id=41000020", CoverageKinds.Post, Story), (comment.Url, comment.Kind, comment.Parent));
        Assert.Equal((CitesBy.Quote, "The cranes are fast, but the water decides when they may work."), (comment.CitesBy, Assert.Single(comment.Quotes)));
    }

    [Fact]
    public async Task ACommentDiscussingTheEssayWithoutCitingItIsCoverageInItsStorysThread()
    {
        await using var api = AlgoliaApi();

        var items = await ItemsAsync(api);

        var comment = Assert.Single(items, i => i.Author == "harbourpilot");
        Assert.Equal((CitesBy.Mention, Story), (comment.CitesBy, comment.Parent));
    }

    [Fact]
    public async Task AReactionAndACommentOfAnotherStoryAreNotCoverage()
    {
        await using var api = AlgoliaApi();

        var items = await ItemsAsync(api);

        Assert.DoesNotContain(items, i => i.Author is "plusone" or "strayhit");
    }

    [Fact]
    public async Task OnlyTheStoriesThatCiteTheEssayHaveTheirCommentsRead()
    {
        await using var api = AlgoliaApi();

        await ItemsAsync(api);

        var threads = api.Seen.Select(r => r.PathAndQuery).Where(q => q.Contains("tags=comment%2Cstory_", StringComparison.Ordinal)).ToList();
        Assert.Contains(threads, q => q.Contains("story_41000001&", StringComparison.Ordinal));
        Assert.DoesNotContain(threads, q => q.Contains("story_41000002&", StringComparison.Ordinal)); // its url only starts with the essay's
    }

    [Fact]
    public async Task AStoryCarriesItsPointsAndCommentCountAsEngagement()
    {
        await using var api = AlgoliaApi();

        var items = await ItemsAsync(api);

        Assert.Equal(new Engagement(Replies: 40, Points: 120), Assert.Single(items, i => i.Url == Story).Engagement);
    }
}
