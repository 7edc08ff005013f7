using System.Net;
using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Bluesky;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

/// <summary>
/// Bluesky against recorded responses (TestData/Social/Recorded/bluesky, sources in the README there) served with the
/// 2026 access rules: search on the public AppView answers 403, on the PDS only with the session's token (401
/// AuthMissing otherwise, 400 ExpiredToken once it expired); threads and quotes are public on the AppView.
/// </summary>
public class BlueskyRecordedResponsesTests
{
    private const string Search = "/pds/xrpc/app.bsky.feed.searchPosts";
    private const string Access = "Bearer eeeeeeeeeeeee";
    private const string RootUri = "at://did:plc:by3jhwdqgbtrcc7q4tkkv3cf/app.bsky.feed.post/3jtvi2jrijx2y";

    /// <summary>The post quoted (recordWithMedia) by the recorded thread's first post links this repository: here, the essay.</summary>
    private static EssayProfile Heatmap() => new(
        new EssayConfig
        {
            Id = "heatmap",
            Title = "Bluesky calendar heatmap",
            Author = "alice",
            Urls = ["https://github.com/aliceisjustplaying/bluesky-calendar-heatmap"],
            PublishedAt = new DateTimeOffset(2023, 4, 19, 0, 0, 0, TimeSpan.Zero),
        },
        [],
        "A tool that generates a heatmap based on posting frequency.");

    private static BlueskyCollector Collector()
    {
        var fetcher = Fetcher();
        return new BlueskyCollector(fetcher, Judge(fetcher));
    }

    private static readonly Reply AuthMissing = new(401, "{\"error\":\"AuthMissing\",\"message\":\"Authentication Required\"}");

    /// <summary>A search page holding the recorded thread's first post (app.bsky.feed.searchPosts wraps PostViews in "posts").</summary>
    private static Reply SearchPageWithTheThreadRoot()
    {
        var thread = JsonDocument.Parse(Reply.Recorded("bluesky/getPostThread.json").Body).RootElement;
        return new Reply(200, JsonSerializer.Serialize(new { posts = new[] { thread.GetProperty("thread").GetProperty("post") } }));
    }

    private static RoutedApi Platform(Func<HttpListenerRequest, Reply> search) => new RoutedApi()
        .On("/appview/xrpc/app.bsky.feed.searchPosts", new Reply(403, "<html><head><title>403 Forbidden</title></head></html>"))
        .On("/pds/xrpc/com.atproto.server.createSession", Reply.Recorded("bluesky/createSession.json"))
        .On("/pds/xrpc/com.atproto.server.refreshSession", r => Reply.To(r, "Bearer uuuuuuuuuuuuuuuu", Reply.Recorded("bluesky/refreshSession.json"), new Reply(400, "{\"error\":\"InvalidToken\"}")))
        .On(Search, search)
        .On("/appview/xrpc/app.bsky.feed.getPostThread", Reply.Recorded("bluesky/getPostThread.json"), "3jtvi2jrijx2y")
        .On("/appview/xrpc/app.bsky.feed.getQuotes", Reply.Recorded("bluesky/getQuotes.json"), "3jtoq4zmhvz2z")
        .On("/appview/xrpc/app.bsky.feed.getQuotes", new Reply(200, "{\"posts\":[]}"));

    private static CoverageAggregator.Collection.SourceContext SignedIn(RoutedApi api) => Context(
        SourceKinds.Bluesky, api.BaseUrl + "/appview", essay: Heatmap(), now: new DateTimeOffset(2023, 4, 22, 0, 0, 0, TimeSpan.Zero),
        extra: new { identifier = "shinyakato.dev", appPassword = "app-pass-word", pdsUrl = api.BaseUrl + "/pds" });

    [Fact]
    public async Task AnonymousSearchOnThePublicAppViewIsRefusedAndTheHealthNamesTheSettingsToSet()
    {
        await using var api = Platform(_ => AuthMissing);

        var run = await Collector().CollectAsync(Context(SourceKinds.Bluesky, api.BaseUrl + "/appview", essay: Heatmap()), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("HTTP 403", run.Error, StringComparison.Ordinal);
        Assert.Contains("identifier and appPassword", run.Error, StringComparison.Ordinal);
        Assert.Contains("Coverage:Credentials:BlueskyIdentifier", run.Error, StringComparison.Ordinal);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task SignsInOnThePdsAndSearchesThroughItWithTheAccessToken()
    {
        await using var api = Platform(r => Reply.To(r, Access, Reply.Recorded("bluesky/searchPosts.json"), AuthMissing));

        var run = await Collector().CollectAsync(SignedIn(api), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        Assert.Equal(1, run.Entries);
        var login = api.Seen[0];
        Assert.Equal(("POST", "/pds/xrpc/com.atproto.server.createSession"), (login.Method, login.PathAndQuery));
        Assert.Contains("\"identifier\":\"shinyakato.dev\"", login.Body, StringComparison.Ordinal);
        Assert.All(api.Seen.Where(r => r.PathAndQuery.StartsWith(Search, StringComparison.Ordinal)), r => Assert.Equal(Access, r.Authorization));
        Assert.DoesNotContain(api.Seen, r => r.PathAndQuery.StartsWith("/appview/xrpc/app.bsky.feed.searchPosts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExpiredAccessTokenIsRefreshedWithTheRefreshTokenAndTheSearchRetried()
    {
        var calls = 0;
        await using var api = Platform(r => Interlocked.Increment(ref calls) == 1
            ? new Reply(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")
            : Reply.To(r, Access, Reply.Recorded("bluesky/searchPosts.json"), AuthMissing));

        var run = await Collector().CollectAsync(SignedIn(api), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var refresh = Assert.Single(api.Seen, r => r.PathAndQuery.EndsWith("refreshSession", StringComparison.Ordinal));
        Assert.Equal(("POST", "Bearer uuuuuuuuuuuuuuuu"), (refresh.Method, refresh.Authorization));
        Assert.Single(api.Seen, r => r.PathAndQuery.EndsWith("createSession", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Warnings, w => w.Contains("searchPosts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuoteWithMediaCitesByTheLinksOfTheRecordItQuotesAndNamesItAsParent()
    {
        await using var api = Platform(r => Reply.To(r, Access, SearchPageWithTheThreadRoot(), AuthMissing));

        var run = await Collector().CollectAsync(SignedIn(api), CancellationToken.None);

        var quote = Assert.Single(run.Items);
        Assert.Equal("https://bsky.app/profile/aliceisjustplaying.bsky.social/post/3jtvi2jrijx2y", quote.Url);
        Assert.Equal(CitesBy.Link, quote.CitesBy);
        Assert.Equal("https://bsky.app/profile/did:plc:by3jhwdqgbtrcc7q4tkkv3cf/post/3jtoq4zmhvz2z", quote.Parent);
        Assert.Equal(new Engagement(Likes: 26, Reposts: 6, Replies: 2), quote.Engagement);
    }

    [Fact]
    public async Task TheThreadAndQuotesOfACitingPostAreReadAnonymouslyFromTheAppViewAndReactionsAreNotCoverage()
    {
        await using var api = Platform(r => Reply.To(r, Access, SearchPageWithTheThreadRoot(), AuthMissing));

        var run = await Collector().CollectAsync(SignedIn(api), CancellationToken.None);

        var thread = Assert.Single(api.Seen, r => r.PathAndQuery.StartsWith("/appview/xrpc/app.bsky.feed.getPostThread", StringComparison.Ordinal));
        Assert.Contains("uri=" + Uri.EscapeDataString(RootUri), thread.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(thread.Authorization);
        Assert.Null(Assert.Single(api.Seen, r => r.PathAndQuery.StartsWith("/appview/xrpc/app.bsky.feed.getQuotes", StringComparison.Ordinal)).Authorization);
        Assert.Equal(4, run.Entries);
        Assert.Empty(run.Warnings);
        Assert.DoesNotContain(run.Items, i => i.Author == "nvpkp.bsky.social");
    }
}
