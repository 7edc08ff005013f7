using System.Text;
using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Reddit;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

/// <summary>
/// Reddit against PRAW's recorded responses (TestData/Social/Recorded/reddit, sources in the README there) served with
/// the 2026 access rules: anonymous calls are blocked (403), the token endpoint answers only to HTTP Basic
/// clientId:clientSecret with grant_type=client_credentials, oauth.reddit.com only to that token (401 otherwise).
/// </summary>
public class RedditRecordedResponsesTests
{
    private const string Token = "Bearer <ACCESS_TOKEN>";
    private const string Discussion = "https://www.reddit.com/r/redditdev/comments/2gmzqe/praw_https_enabled_praw_testing_needed/";
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("praw-client:praw-secret"));
    private static readonly DateTimeOffset Recorded = new(2014, 9, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The recorded submission links PRAW's issue tracker in its self text: here, the essay.</summary>
    private static EssayProfile PrawHttps() => new(
        new EssayConfig
        {
            Id = "praw-https",
            Title = "PRAW HTTPS enabled",
            Author = "bboe",
            Urls = ["https://github.com/praw-dev/praw/issues"],
            PublishedAt = new DateTimeOffset(2014, 9, 17, 0, 0, 0, TimeSpan.Zero),
        },
        [],
        "PRAW now sends every request over HTTPS. The proxy settings for HTTPS requests are read from the environment variables. Testers should report any issue they find.");

    private static RedditCollector Collector()
    {
        var fetcher = Fetcher();
        return new RedditCollector(fetcher, Judge(fetcher));
    }

    /// <summary>The submission's own Listing, as /comments/{id} returns it first (api/info answers the same shape).</summary>
    private static Reply SubmissionListing() =>
        new(200, JsonDocument.Parse(Reply.Recorded("reddit/comments-2gmzqe.json").Body).RootElement[0].GetRawText());

    private static RoutedApi Platform() => new RoutedApi()
        .On("/www/search.json", new Reply(403, "<!doctype html><html><body>You've been blocked by network security.</body></html>"))
        .On("/www/api/v1/access_token", r => Reply.To(r, Basic, Reply.Recorded("reddit/access_token.json")))
        .On("/oauth/search.json", r => Reply.To(r, Token, Reply.Recorded("reddit/search.json")))
        .On("/oauth/api/info.json", r => Reply.To(r, Token, SubmissionListing()))
        .On("/oauth/comments/2gmzqe.json", r => Reply.To(r, Token, Reply.Recorded("reddit/comments-2gmzqe.json")));

    private static CoverageAggregator.Collection.SourceContext WithApp(RoutedApi api, DateTimeOffset? now = null) => Context(
        SourceKinds.Reddit, api.BaseUrl + "/oauth", essay: PrawHttps(), now: now ?? Recorded,
        extra: new { clientId = "praw-client", clientSecret = "praw-secret", authUrl = api.BaseUrl + "/www", appId = "coverage-test", username = "coverage_bot" });

    [Fact]
    public async Task AnonymousCallsAreBlockedAndTheHealthNamesTheAppCredentialsToSet()
    {
        await using var api = Platform();

        var run = await Collector().CollectAsync(Context(SourceKinds.Reddit, api.BaseUrl + "/www", essay: PrawHttps(), now: Recorded), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("HTTP 403", run.Error, StringComparison.Ordinal);
        Assert.Contains("clientId and clientSecret", run.Error, StringComparison.Ordinal);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task AnAppOnlyTokenIsTakenWithClientCredentialsAndSentToOauthRedditCom()
    {
        await using var api = Platform();

        var run = await Collector().CollectAsync(WithApp(api), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var login = Assert.Single(api.Seen, r => r.PathAndQuery == "/www/api/v1/access_token");
        Assert.Equal(("POST", Basic, "grant_type=client_credentials"), (login.Method, login.Authorization, login.Body));
        Assert.All(api.Seen.Where(r => r.PathAndQuery.StartsWith("/oauth/", StringComparison.Ordinal)), r => Assert.Equal(Token, r.Authorization));
        Assert.All(api.Seen, r => Assert.Equal("server:coverage-test:1.0 (by /u/coverage_bot)", r.UserAgent));
    }

    [Fact]
    public async Task ACommentDiscussingTheEssayBecomesAPostAttachedToTheDiscussionAndTheOffTopicReplyDoesNot()
    {
        await using var api = Platform();

        var run = await Collector().CollectAsync(WithApp(api), CancellationToken.None);

        var discussion = Assert.Single(run.Items, i => i.Kind == CoverageKinds.Discussion);
        Assert.Equal((Discussion, CitesBy.Link, new Engagement(Replies: 2, Points: 11)), (discussion.Url, discussion.CitesBy, discussion.Engagement));
        var comment = Assert.Single(run.Items, i => i.Kind == CoverageKinds.Post);
        Assert.Equal((Discussion + "cklfmye/", "paneer_burrito", Discussion), (comment.Url, comment.Author, comment.Parent));
        Assert.Equal(new Engagement(Points: 1), comment.Engagement);
        Assert.Contains(api.Seen, r => r.PathAndQuery.StartsWith("/oauth/comments/2gmzqe.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTokenIsKeptWhileValidAndRenewedBeforeExpiresInRunsOut()
    {
        await using var api = Platform();
        var collector = Collector();

        await collector.CollectAsync(WithApp(api), CancellationToken.None);
        await collector.CollectAsync(WithApp(api, Recorded.AddMinutes(30)), CancellationToken.None);
        var tokensBefore = api.Seen.Count(r => r.PathAndQuery.EndsWith("access_token", StringComparison.Ordinal));
        await collector.CollectAsync(WithApp(api, Recorded.AddSeconds(3600 - 30)), CancellationToken.None);

        Assert.Equal(1, tokensBefore);
        Assert.Equal(2, api.Seen.Count(r => r.PathAndQuery.EndsWith("access_token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RefusedAppCredentialsSayTheyWereRefused()
    {
        await using var api = Platform();

        var run = await Collector().CollectAsync(
            Context(SourceKinds.Reddit, api.BaseUrl + "/oauth", essay: PrawHttps(), now: Recorded,
                extra: new { clientId = "praw-client", clientSecret = "not-the-secret", authUrl = api.BaseUrl + "/www" }),
            CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("Reddit refused the credentials (HTTP 401)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", run.Error, StringComparison.Ordinal);
        Assert.Single(api.Seen);
    }
}
