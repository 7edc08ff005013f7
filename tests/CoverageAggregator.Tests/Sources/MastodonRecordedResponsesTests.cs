using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Mastodon;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

/// <summary>
/// Mastodon against Mastodon.py's recorded responses (TestData/Social/Recorded/mastodon, sources in the README there)
/// served with the 2026 access rules: statuses search answers 200 with no statuses unless signed in; tag timelines and
/// context are public; quotes (4.5) need the token.
/// </summary>
public class MastodonRecordedResponsesTests
{
    private const string Token = "Bearer masto-token";
    private const string Quoted = "http://localhost:3000/@mastodonpy_test/117020583121982310";
    private const string Quoting = "http://localhost:3000/@mastodonpy_test/117020583142008690";
    private static readonly DateTimeOffset Recorded = new(2026, 8, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The recorded reply quotes (and links, "RE: …") the status "Toot!": here, the essay.</summary>
    private static EssayProfile Toot() => new(
        new EssayConfig { Id = "toot", Title = "Toot", Urls = [Quoted], PublishedAt = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero) },
        [],
        "Toot!");

    private static MastodonCollector Collector()
    {
        var fetcher = Fetcher();
        return new MastodonCollector(fetcher, Judge(fetcher));
    }

    /// <summary>A search answer holding the recorded quoting reply (the recorded statuses search found none).</summary>
    private static Reply SearchWithTheQuotingReply() => new(200, JsonSerializer.Serialize(new
    {
        accounts = Array.Empty<object>(),
        statuses = new[] { JsonDocument.Parse(Reply.Recorded("mastodon/status-reply-with-quote.json").Body).RootElement },
        hashtags = Array.Empty<object>(),
    }));

    private static RoutedApi Instance() => new RoutedApi()
        .On("/api/v2/search", r => Reply.To(r, Token, SearchWithTheQuotingReply(), Reply.Recorded("mastodon/search-statuses.json")))
        .On("/api/v1/timelines/tag/hoot", Reply.Recorded("mastodon/timeline-tag-hoot.json"))
        .On("/api/v1/statuses/117020583142008690/context", Reply.Recorded("mastodon/context.json"))
        .On("/api/v1/statuses/117020583142008690/quotes", r => Reply.To(
            r, Token, Reply.Recorded("mastodon/quotes.json"), new Reply(401, "{\"error\":\"This method requires an authenticated user\"}")));

    [Fact]
    public async Task WithoutAnAccessTokenSearchIsSkippedAndTheHealthWarnsWhichSettingToSet()
    {
        await using var api = Instance();

        var run = await Collector().CollectAsync(Context(SourceKinds.Mastodon, api.BaseUrl, essay: Toot(), now: Recorded, extra: new { tags = "hoot" }), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        Assert.DoesNotContain(api.Seen, r => r.PathAndQuery.StartsWith("/api/v2/search", StringComparison.Ordinal));
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("accessToken", warning, StringComparison.Ordinal);
        Assert.Contains("Coverage:Credentials:MastodonAccessToken", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecordedTagTimelineIsReadAndATagTheInstanceLacksIsPassedOverQuietly()
    {
        await using var api = Instance();

        var run = await Collector().CollectAsync(
            Context(SourceKinds.Mastodon, api.BaseUrl, essay: Toot(), now: Recorded, extra: new { tags = "hoot,nosuchtag", accessToken = "masto-token" }), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        Assert.Equal(2, run.Entries);
        Assert.Contains(api.Seen, r => r.PathAndQuery.StartsWith("/api/v1/timelines/tag/nosuchtag", StringComparison.Ordinal));
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public async Task AQuotingReplyCitesThroughItsLinkAndItsContextAndQuotesAreReadWithTheToken()
    {
        await using var api = Instance();

        var run = await Collector().CollectAsync(
            Context(SourceKinds.Mastodon, api.BaseUrl, essay: Toot(), now: Recorded, extra: new { accessToken = "masto-token" }), CancellationToken.None);

        var reply = Assert.Single(run.Items);
        Assert.Equal((Quoting, CitesBy.Link, Quoted), (reply.Url, reply.CitesBy, reply.Parent));
        Assert.Equal(new Engagement(0, 0, 0, 0), reply.Engagement);
        Assert.Equal(Token, Assert.Single(api.Seen, r => r.PathAndQuery.EndsWith("/context", StringComparison.Ordinal)).Authorization);
        Assert.Equal(Token, Assert.Single(api.Seen, r => r.PathAndQuery.Contains("/quotes", StringComparison.Ordinal)).Authorization);
        Assert.Empty(run.Warnings);
    }
}
