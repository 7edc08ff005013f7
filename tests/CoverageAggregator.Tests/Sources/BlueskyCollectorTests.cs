using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Bluesky;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class BlueskyCollectorTests
{
    private const string Search = "/xrpc/app.bsky.feed.searchPosts";

    private static BlueskyCollector Collector()
    {
        var fetcher = Fetcher();
        return new BlueskyCollector(fetcher, Judge(fetcher));
    }

    private static RoutedApi SearchApi() => new RoutedApi()
        .On(Search, Reply.Json("bluesky-page2.json"), "cursor=page2")
        .On(Search, Reply.Json("bluesky-page1.json"));

    [Fact]
    public async Task PostsCitingTheEssayBecomeBskyAppPostsByHandle()
    {
        await using var api = SearchApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var linked = Assert.Single(run.Items, i => i.Author == "wavewatch.bsky.social");
        Assert.Equal("https://bsky.app/profile/wavewatch.bsky.social/post/3kwave1", linked.Url);
        Assert.Contains("at://did:plc:wave1111/app.bsky.feed.post/3kwave1", linked.AlsoAt);
        Assert.Equal(("Bluesky", CoverageKinds.Post, (string?)null, CitesBy.Link), (linked.Outlet, linked.Kind, linked.Title, linked.CitesBy));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), linked.PublishedAt);
        Assert.DoesNotContain(run.Items, i => i.Author == "random.bsky.social");
    }

    [Fact]
    public async Task AnExternalEmbedToTheMirrorIsALinkAndItsQuoteIsVerified()
    {
        await using var api = SearchApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        var embedded = Assert.Single(run.Items, i => i.Author == "portlog.example");
        Assert.Equal(CitesBy.Link, embedded.CitesBy);
        Assert.Equal([Quote], embedded.Quotes);
    }

    [Fact]
    public async Task CursorIsFollowedToTheNextPageAndRepeatedPostsGiveOneItem()
    {
        await using var api = SearchApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("cursor=page2", StringComparison.Ordinal));
        var mention = Assert.Single(run.Items, i => i.Author == "mention.bsky.social");
        Assert.Equal(CitesBy.Mention, mention.CitesBy);
        Assert.Equal(3, run.Items.Count);
        Assert.Equal(run.Items.Count, run.Items.DistinctBy(i => i.Url).Count());
    }

    [Fact]
    public async Task SearchesByEssayDomainAndTitlePhrase()
    {
        await using var api = SearchApi();

        await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("q=domain%3Aharborletters.example", StringComparison.Ordinal));
        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("q=%22tide%20clock%22", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimitDefersTheSourceUntilTheReset()
    {
        await using var api = new RoutedApi().On(Search, Reply.RateLimited("ratelimit-reset", Now.AddSeconds(90).ToUnixTimeSeconds().ToString()));
        var time = new FakeTimeProvider(Now);
        var fetcher = Fetcher(time);

        var run = await new BlueskyCollector(fetcher, Judge(fetcher)).CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.RetryLater, run.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(90), run.RetryAfter);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task AppPasswordCreatesASessionWhoseTokenIsSentAsBearer()
    {
        await using var api = SearchApi().On("/xrpc/com.atproto.server.createSession", Reply.Json("bluesky-session.json"));

        var run = await Collector().CollectAsync(
            Context(SourceKinds.Bluesky, api.BaseUrl, extra: new { identifier = "me.bsky.social", appPassword = "abcd-efgh", pdsUrl = api.BaseUrl }), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var login = api.Seen[0];
        Assert.Equal(("POST", "/xrpc/com.atproto.server.createSession"), (login.Method, login.PathAndQuery));
        Assert.Contains("\"password\":\"abcd-efgh\"", login.Body, StringComparison.Ordinal);
        Assert.All(api.Seen.Where(r => r.PathAndQuery.StartsWith(Search, StringComparison.Ordinal)), r => Assert.Equal("Bearer jwt-access-token", r.Authorization));
        Assert.All(api.Seen.Where(r => r.PathAndQuery.Contains("getPostThread", StringComparison.Ordinal)), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task RefusedAppPasswordFailsWithAClearError()
    {
        await using var api = SearchApi().On("/xrpc/com.atproto.server.createSession", Reply.Unauthorized());

        var run = await Collector().CollectAsync(
            Context(SourceKinds.Bluesky, api.BaseUrl, extra: new { identifier = "me.bsky.social", appPassword = "wrong", pdsUrl = api.BaseUrl }), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.Contains("login", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong", run.Error, StringComparison.Ordinal);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task AMalformedPostIsSkippedWithAWarningAndTheRestOfItsPageIsRead()
    {
        const string Page = """
            {"posts": [
              {"uri": "at://did:plc:bad/app.bsky.feed.post/3kbad", "author": {"did": "did:plc:bad", "handle": "bad.example"},
               "record": {"text": "broken", "createdAt": 20260303}},
              {"uri": "at://did:plc:wave1111/app.bsky.feed.post/3kwave1", "author": {"did": "did:plc:wave1111", "handle": "wavewatch.bsky.social"},
               "record": {"text": "Worth reading", "createdAt": "2026-03-03T10:00:00Z",
                          "embed": {"$type": "app.bsky.embed.external", "external": {"uri": "https://harborletters.example/p/the-tide-clock"}}},
               "likeCount": 7, "repostCount": 2, "replyCount": 1, "quoteCount": 0}
            ]}
            """;
        await using var api = new RoutedApi().On(Search, new Reply(200, Page));

        var run = await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var post = Assert.Single(run.Items);
        Assert.Equal(("wavewatch.bsky.social", new Engagement(7, 2, 1, 0)), (post.Author, post.Engagement));
        Assert.Contains(run.Warnings, w => w.Contains("1 malformed item(s) skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedJsonFailsTheSourceWithAClearError()
    {
        await using var api = new RoutedApi().On(Search, Reply.Malformed());

        var run = await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("malformed JSON", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Items);
    }
}
