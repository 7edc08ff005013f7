using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.HackerNews;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class HackerNewsCollectorTests
{
    private const string Search = "/api/v1/search";
    private const string ByDate = "/api/v1/search_by_date";

    private static HackerNewsCollector Collector()
    {
        var fetcher = Fetcher();
        return new HackerNewsCollector(fetcher, Judge(fetcher));
    }

    private static RoutedApi AlgoliaApi() => new RoutedApi()
        .On(Search, Reply.Json("hn-stories-page1.json"), "&page=1")
        .On(Search, Reply.Json("hn-stories-page0.json"), "restrictSearchableAttributes=url")
        .On(Search, Reply.Json("hn-comments.json"))
        .On(ByDate, Reply.Json("hn-stories-page0.json"), "restrictSearchableAttributes=url")
        .On(ByDate, Reply.Json("hn-comments.json"));

    [Fact]
    public async Task StoriesLinkingTheEssayBecomeDiscussionsAtTheirItemUrl()
    {
        await using var api = AlgoliaApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var story = Assert.Single(run.Items, i => i.Author == "harborfan");
        Assert.Equal("https://news.ycombinator.com/item?id=41000001", story.Url);
        Assert.Equal(("Hacker News", CoverageKinds.Discussion, "The Tide Clock", CitesBy.Link), (story.Outlet, story.Kind, story.Title, story.CitesBy));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero), story.PublishedAt);
    }

    [Fact]
    public async Task AStoryWhoseUrlOnlyStartsWithTheEssayUrlIsNotCoverage()
    {
        await using var api = AlgoliaApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        Assert.DoesNotContain(run.Items, i => i.Author == "prefixer");
    }

    [Fact]
    public async Task CommentsQuotingTheEssayBecomePostsWithoutTitle()
    {
        await using var api = AlgoliaApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        var comment = Assert.Single(run.Items, i => i.Author == "dockmaster");
        Assert.Equal(("https://news.ycombinator.com/item?id=41000010", CoverageKinds.Post, (string?)null), (comment.Url, comment.Kind, comment.Title));
        Assert.Equal((CitesBy.Quote, Quote), (comment.CitesBy, Assert.Single(comment.Quotes)));
        Assert.DoesNotContain(run.Items, i => i.Author == "offtopic");
    }

    [Fact]
    public async Task PagesAreReadUpToNbPages()
    {
        await using var api = AlgoliaApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("&page=1", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Seen, r => r.PathAndQuery.Contains("&page=2", StringComparison.Ordinal));
        Assert.Single(run.Items, i => i.Author == "mirrorlink");
        Assert.Equal(3, run.Items.Count);
    }

    [Fact]
    public async Task UrlSearchesAskForStoriesRestrictedToTheUrlAttributeOnBothEndpoints()
    {
        await using var api = AlgoliaApi();

        await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        foreach (var path in new[] { Search, ByDate })
        {
            Assert.Contains(api.Seen, r => r.PathAndQuery.StartsWith(path + "?query=harborletters.example%2Fp%2Fthe-tide-clock&tags=story&restrictSearchableAttributes=url", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RateLimitDefersTheSourceForRetryAfter()
    {
        await using var api = new RoutedApi().On(Search, Reply.RateLimited("Retry-After", "30"));

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.RetryLater, run.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), run.RetryAfter);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task RefusedRequestsFailWithAClearError()
    {
        await using var api = new RoutedApi().On(Search, new Reply(403, "{\"message\":\"forbidden\"}")).On(ByDate, new Reply(403, "{}"));

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("Hacker News refused access (HTTP 403", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonFailsTheSourceWithAClearError()
    {
        await using var api = new RoutedApi().On(Search, Reply.Malformed()).On(ByDate, Reply.Malformed());

        var run = await Collector().CollectAsync(Context(SourceKinds.HackerNews, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("malformed JSON", run.Error, StringComparison.Ordinal);
    }
}
