using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Mastodon;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class MastodonCollectorTests
{
    private const string Search = "/api/v2/search";
    private const string Tag = "/api/v1/timelines/tag/tideclock";

    private static MastodonCollector Collector(TimeProvider? time = null)
    {
        var fetcher = Fetcher(time);
        return new MastodonCollector(fetcher, Judge(fetcher));
    }

    private static RoutedApi InstanceApi() => new RoutedApi()
        .On(Search, Reply.Json("mastodon-search.json"))
        .On(Tag, Reply.Json("mastodon-tag-page2.json"), "max_id=200000000000000001")
        .On(Tag, new Reply(200, "[]"), "max_id=")
        .On(Tag, Reply.Json("mastodon-tag-page1.json"));

    /// <summary>Like the real API: search returns statuses only to a signed-in account.</summary>
    private static CoverageAggregator.Collection.SourceContext Signed(string baseUrl) =>
        Context(SourceKinds.Mastodon, baseUrl, extra: new { accessToken = "test-token" });

    [Fact]
    public async Task StatusesCitingTheEssayBecomePostsAtTheirStatusUrlByAcct()
    {
        await using var api = InstanceApi();

        var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        var remote = Assert.Single(run.Items, i => i.Author == "kim@fedi.example");
        Assert.Equal("https://fedi.example/@kim/900000000000000001", remote.Url);
        Assert.Contains("https://fedi.example/users/kim/statuses/900000000000000001", remote.AlsoAt);
        Assert.Contains(api.BaseUrl + "/@kim@fedi.example/200000000000000001", remote.AlsoAt);
        Assert.Equal(("Mastodon", CoverageKinds.Post, (string?)null, CitesBy.Link), (remote.Outlet, remote.Kind, remote.Title, remote.CitesBy));
    }

    [Fact]
    public async Task MentionAndHashtagLinksDoNotCountAsLinks()
    {
        await using var api = InstanceApi();

        var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        Assert.DoesNotContain(run.Items, i => i.Author == "lee");
    }

    [Fact]
    public async Task QuotesInStatusHtmlAreVerified()
    {
        await using var api = InstanceApi();

        var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        var quoting = Assert.Single(run.Items, i => i.Author == "ash");
        Assert.Equal((CitesBy.Quote, Quote), (quoting.CitesBy, Assert.Single(quoting.Quotes)));
    }

    [Fact]
    public async Task TagTimelineIsReadBackThroughMaxIdAndRepeatedStatusesGiveOneItem()
    {
        await using var api = InstanceApi();

        var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("max_id=200000000000000001", StringComparison.Ordinal));
        Assert.Equal(CitesBy.Mention, Assert.Single(run.Items, i => i.Author == "max").CitesBy);
        Assert.Single(run.Items, i => i.Author == "kim@fedi.example");
        Assert.Equal(3, run.Items.Count);
    }

    [Fact]
    public async Task ConfiguredTagsReplaceTheDerivedOnes()
    {
        await using var api = InstanceApi().On("/api/v1/timelines/tag/harbortides", new Reply(200, "[]"));

        await Collector().CollectAsync(Context(SourceKinds.Mastodon, api.BaseUrl, extra: new { tags = "#harbortides" }), CancellationToken.None);

        Assert.Contains(api.Seen, r => r.PathAndQuery.StartsWith("/api/v1/timelines/tag/harbortides", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Seen, r => r.PathAndQuery.StartsWith(Tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplyInTheContextOfACitingStatusThatDiscussesTheEssayIsAttachedToIt()
    {
        const string Descendants = """
            {"ancestors": [], "descendants": [
              {"id": "200000000000000009", "url": "https://port.example/@ana/5", "created_at": "2026-03-04T09:00:00Z", "in_reply_to_id": "200000000000000001",
               "content": "<p>Reyes is right that our port planners never look at the tide tables before booking berths.</p>",
               "account": {"acct": "ana@port.example"}, "favourites_count": 4, "reblogs_count": 1, "replies_count": 0, "quotes_count": 0},
              {"id": "200000000000000010", "url": "https://port.example/@bo/6", "created_at": "2026-03-04T09:05:00Z", "in_reply_to_id": "200000000000000009",
               "content": "<p>+1</p>", "account": {"acct": "bo@port.example"}}
            ]}
            """;
        await using var api = InstanceApi().On("/api/v1/statuses/200000000000000001/context", new Reply(200, Descendants));

        var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        var reply = Assert.Single(run.Items, i => i.Author == "ana@port.example");
        Assert.Equal(("https://fedi.example/@kim/900000000000000001", CitesBy.Mention), (reply.Parent, reply.CitesBy));
        Assert.Equal(new Engagement(4, 1, 0, 0), reply.Engagement);
        Assert.DoesNotContain(run.Items, i => i.Author == "bo@port.example");
    }

    [Fact]
    public async Task RateLimitDefersTheSourceUntilTheIsoResetTime()
    {
        await using var api = new RoutedApi().On(Search, Reply.RateLimited("X-RateLimit-Reset", Now.AddMinutes(5).ToString("O")));

        var run = await Collector(new FakeTimeProvider(Now)).CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.RetryLater, run.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(5), run.RetryAfter);
        Assert.Single(api.Seen);
    }

    [Fact]
    public async Task RefusedAccessTokenFailsWithAClearErrorAndStops()
    {
        await using var api = new RoutedApi().On(Search, Reply.Unauthorized());

        var run = await Collector().CollectAsync(Context(SourceKinds.Mastodon, api.BaseUrl, extra: new { accessToken = "secret-token" }), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("refused the credentials", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", run.Error, StringComparison.Ordinal);
        Assert.Equal("Bearer secret-token", Assert.Single(api.Seen).Authorization);
    }

    [Fact]
    public async Task MalformedJsonFailsTheSourceWithAClearError()
    {
        await using var api = new RoutedApi().On(Search, Reply.Malformed()).On(Tag, Reply.Malformed());

        var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.Contains("malformed JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralInstancesAreSeveralSourcesEachSearchingItsOwnInstance()
    {
        await using var first = InstanceApi();
        await using var second = InstanceApi();
        var config = new CoverageAggregator.Configuration.CoverageConfig
        {
            Social =
            [
                new() { Type = "mastodon", BaseUrl = first.BaseUrl },
                new() { Type = "mastodon", BaseUrl = second.BaseUrl },
            ],
        };

        var sources = SourceDescriptor.AllOf(config);

        Assert.Equal(2, sources.Select(s => s.Id).Distinct().Count());
        Assert.Equal([first.BaseUrl, second.BaseUrl], sources.Select(s => s.Url));
        foreach (var api in new[] { first, second })
        {
            var run = await Collector().CollectAsync(Signed(api.BaseUrl), CancellationToken.None);
            Assert.Equal(FetchOutcome.Ok, run.Outcome);
            Assert.Contains(api.Seen, r => r.PathAndQuery.StartsWith(Search, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WithoutAnInstanceUrlTheSourceFailsWithAClearMessage()
    {
        var run = await Collector().CollectAsync(Context(SourceKinds.Mastodon, ""), CancellationToken.None);

        Assert.Equal(FetchOutcome.Failed, run.Outcome);
        Assert.StartsWith("Mastodon needs the baseUrl", run.Error, StringComparison.Ordinal);
    }
}
