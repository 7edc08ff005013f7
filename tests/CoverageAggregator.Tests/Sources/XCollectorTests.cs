using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.X;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class XCollectorTests
{
    private const string Recent = "/2/tweets/search/recent";
    private const string Token = "test-token";

    private static XCollector Collector(TimeProvider? time = null)
    {
        var fetcher = Fetcher(time);
        return new XCollector(fetcher, Judge(fetcher));
    }

    /// <summary>Like the real API: without the app's bearer token every call is 401.</summary>
    private static RoutedApi XApi() => new RoutedApi()
        .On(Recent, r => r.Headers["Authorization"] != "Bearer " + Token ? Reply.Unauthorized() : Reply.Json("x-page2.json"), "next_token=tok2")
        .On(Recent, r => r.Headers["Authorization"] != "Bearer " + Token ? Reply.Unauthorized() : Reply.Json("x-page1.json"));

    [Fact]
    public async Task WithoutABearerTokenTheSourceIsSkippedWithAClearMessage()
    {
        await using var api = XApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.X, api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.StartsWith("X needs a bearerToken", run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Seen);
    }

    [Fact]
    public async Task TweetsLinkingTheEssayThroughTcoBecomePostsAtXUrlsByUsername()
    {
        await using var api = XApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.X, api.BaseUrl, Token), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var tweet = Assert.Single(run.Items, i => i.Author == "rosa_v");
        Assert.Equal("https://x.com/rosa_v/status/1900000000000000001", tweet.Url);
        Assert.Equal(("X", CoverageKinds.Post, (string?)null, CitesBy.Link), (tweet.Outlet, tweet.Kind, tweet.Title, tweet.CitesBy));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero), tweet.PublishedAt);
        Assert.DoesNotContain(run.Items, i => i.Author == "gadgetguy");
        Assert.All(api.Seen, r => Assert.Equal("Bearer " + Token, r.Authorization));
    }

    [Fact]
    public async Task NextTokenIsFollowedToTheNextPage()
    {
        await using var api = XApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.X, api.BaseUrl, Token), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("next_token=tok2", StringComparison.Ordinal));
        var quoting = Assert.Single(run.Items, i => i.Author == "ike_o");
        Assert.Equal((CitesBy.Quote, Quote), (quoting.CitesBy, Assert.Single(quoting.Quotes)));
        Assert.Equal(2, run.Items.Count);
    }

    [Fact]
    public async Task OneQueryAsksForEssayUrlsAndPhrasesWithoutRetweets()
    {
        await using var api = XApi();

        await Collector().CollectAsync(Context(SourceKinds.X, api.BaseUrl, Token), CancellationToken.None);

        var query = Uri.UnescapeDataString(api.Seen[0].PathAndQuery.Split("query=")[1].Split('&')[0]);
        Assert.Equal("(url:\"harborletters.example/p/the-tide-clock\" OR url:\"anareyes.example/2026/03/the-tide-clock\" OR \"tide clock\") -is:retweet", query);
        Assert.Contains("expansions=author_id", api.Seen[0].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void ManySearchTermsAreSplitIntoQueriesWithinTheLengthLimit()
    {
        var essay = new EssayProfile(
            new EssayConfig { Id = "long", Title = "Long", Urls = ["https://example.org/a"], Keywords = Enumerable.Range(0, 40).Select(i => $"distinct phrase number {i:D2}").ToList() },
            [],
            null);
        var context = Context(SourceKinds.X, "http://127.0.0.1:9") with { Essays = [essay] };

        var queries = XCollector.Queries(context);

        Assert.True(queries.Count > 1);
        Assert.All(queries, q => Assert.InRange(q.Length, 1, 512));
        Assert.Equal(42, queries.Sum(q => q.Split(" OR ").Length)); // the URL, the title and the 40 keywords
    }

    [Fact]
    public async Task RefusedBearerTokenFailsWithAClearError()
    {
        await using var api = XApi();

        var run = await Collector().CollectAsync(Context(SourceKinds.X, api.BaseUrl, "revoked-token"), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("X refused the credentials (HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", run.Error, StringComparison.Ordinal);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task RateLimitDefersTheSourceUntilTheResetTime()
    {
        await using var api = new RoutedApi().On(Recent, Reply.RateLimited("x-rate-limit-reset", Now.AddMinutes(15).ToUnixTimeSeconds().ToString()));

        var run = await Collector(new FakeTimeProvider(Now)).CollectAsync(Context(SourceKinds.X, api.BaseUrl, Token), CancellationToken.None);

        Assert.Equal(FetchOutcome.RetryLater, run.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(15), run.RetryAfter);
    }

    [Fact]
    public async Task MalformedJsonFailsTheSourceWithAClearError()
    {
        await using var api = new RoutedApi().On(Recent, Reply.Malformed());

        var run = await Collector().CollectAsync(Context(SourceKinds.X, api.BaseUrl, Token), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("X answered /2/tweets/search/recent with malformed JSON", run.Error, StringComparison.Ordinal);
    }
}
