using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Reddit;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class RedditCollectorTests
{
    private const string Search = "/search.json";
    private const string Info = "/api/info.json";
    private const string EmptyListing = "{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":[]}}";

    private static RedditCollector Collector()
    {
        var fetcher = Fetcher();
        return new RedditCollector(fetcher, Judge(fetcher));
    }

    private static RoutedApi RedditApi() => new RoutedApi()
        .On(Search, Reply.Json("reddit-search-page2.json"), "after=t3_bbb222")
        .On(Search, Reply.Json("reddit-search-page1.json"))
        .On(Info, Reply.Json("reddit-info.json"), "url=https%3A%2F%2Fanareyes.example%2F2026%2F03%2Fthe-tide-clock%2F&")
        .On(Info, new Reply(200, EmptyListing));

    [Fact]
    public async Task SubmissionsLinkingTheEssayBecomeDiscussionsAtTheirPermalink()
    {
        await using var api = RedditApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var thread = Assert.Single(run.Items, i => i.Author == "quay_side");
        Assert.Equal("https://www.reddit.com/r/ports/comments/aaa111/the_tide_clock_why_harbours_run_late/", thread.Url);
        Assert.Equal(("Reddit", CoverageKinds.Discussion, CitesBy.Link), (thread.Outlet, thread.Kind, thread.CitesBy));
        Assert.Equal("The Tide Clock: why harbours run late (Harbor Letters)", thread.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), thread.PublishedAt);
    }

    [Fact]
    public async Task ACrosspostLinksThroughItsParentAndStaysItsOwnThread()
    {
        await using var api = RedditApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl), CancellationToken.None);

        var crosspost = Assert.Single(run.Items, i => i.Author == "deck_hand");
        Assert.Equal("https://www.reddit.com/r/shipping/comments/bbb222/good_read_for_shipping_people/", crosspost.Url);
        Assert.Equal(CitesBy.Link, crosspost.CitesBy);
        Assert.DoesNotContain(crosspost.AlsoAt, u => u.Contains("aaa111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterIsFollowedToTheNextPageWhereASelfPostQuotesTheEssay()
    {
        await using var api = RedditApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("after=t3_bbb222", StringComparison.Ordinal));
        var selfPost = Assert.Single(run.Items, i => i.Author == "pilot_boat");
        Assert.Equal((CitesBy.Quote, Quote), (selfPost.CitesBy, Assert.Single(selfPost.Quotes)));
        Assert.DoesNotContain(run.Items, i => i.Author == "tinkerer");
    }

    [Fact]
    public async Task InfoLooksUpEachEssayUrlWithAndWithoutItsTrailingSlash()
    {
        await using var api = RedditApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl), CancellationToken.None);

        var lookups = api.Seen.Where(r => r.PathAndQuery.StartsWith(Info, StringComparison.Ordinal)).Select(r => r.PathAndQuery).ToList();
        Assert.Contains(lookups, q => q.Contains("the-tide-clock%2F&", StringComparison.Ordinal));
        Assert.Contains(lookups, q => q.Contains("the-tide-clock&", StringComparison.Ordinal));
        Assert.Single(run.Items, i => i.Author == "tide_table");
        Assert.Equal(4, run.Items.Count);
    }

    [Fact]
    public async Task ConfiguredAppAndUserGiveARedditStyleUserAgent()
    {
        await using var api = RedditApi();

        await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl, extra: new { appId = "tidewatch", username = "harbor_bot" }), CancellationToken.None);

        Assert.All(api.Seen, r => Assert.Equal("server:tidewatch:1.0 (by /u/harbor_bot)", r.UserAgent));
    }

    [Fact]
    public async Task RateLimitDefersTheSourceForTheResetSeconds()
    {
        await using var api = new RoutedApi().On(Search, Reply.RateLimited("x-ratelimit-reset", "42"));

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.RetryLater, run.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(42), run.RetryAfter);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task RefusedTokenFailsWithAClearError()
    {
        await using var api = new RoutedApi().On(Search, Reply.Unauthorized()).On(Info, Reply.Unauthorized());

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl, bearerToken: "expired"), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("Reddit refused the credentials (HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task MalformedJsonFailsTheSourceWithAClearError()
    {
        await using var api = new RoutedApi().On(Search, Reply.Malformed()).On(Info, Reply.Malformed());

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("malformed JSON", run.Error, StringComparison.Ordinal);
    }
}
