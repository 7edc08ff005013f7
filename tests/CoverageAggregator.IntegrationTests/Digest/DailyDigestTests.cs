using CoverageAggregator.Digest;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Digest;

public class DailyDigestTests
{
    [Fact]
    public async Task TheDigestGoesByEmailSlackAndTeamsAndAFailedWebhookIsRetriedOnTheNextRun()
    {
        await using var fixture = await DeliveryFixture.StartAsync();
        var store = fixture.Host.Get<CoverageStore>();
        var seen = fixture.Time.GetUtcNow().AddHours(-2);
        await store.UpsertAsync(DeliveryFixture.Item("https://news.example/a", "A story about the fuse", seen), CancellationToken.None);
        await store.UpsertAsync(DeliveryFixture.Item("https://news.example/b", "<b>Bold</b> claims", seen), CancellationToken.None);
        fixture.Webhooks.StatusFor = (path, n) => path == "/slack" && n == 0 ? 500 : 200;
        var digests = fixture.Host.Get<DigestService>();

        var first = await digests.RunAsync(CancellationToken.None);
        var second = await digests.RunAsync(CancellationToken.None);

        Assert.Equal(new DigestRun(1, 2, 1), first);
        Assert.Equal(new DigestRun(0, 1, 0), second);
        var email = Assert.Single(fixture.Smtp.Messages);
        Assert.Contains("2 new items", email.Subject, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt; claims", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<b>Bold</b> claims", email.TextBody, StringComparison.Ordinal);
        var slack = Assert.Single(fixture.Webhooks.Delivered("/slack"));
        Assert.Contains("2 new items", (string?)slack!["text"], StringComparison.Ordinal);
        Assert.Equal(2, fixture.Webhooks.Requests.Count(r => r.Path == "/slack"));
        var teams = Assert.Single(fixture.Webhooks.Delivered("/teams"));
        Assert.Equal("AdaptiveCard", (string?)teams!["attachments"]![0]!["content"]!["type"]);
    }

    [Fact]
    public async Task AFailedEmailStaysPendingUntilTheServerAcceptsIt()
    {
        await using var fixture = await DeliveryFixture.StartAsync();
        await fixture.Host.Get<CoverageStore>().UpsertAsync(DeliveryFixture.Item("https://news.example/a", "A story", fixture.Time.GetUtcNow().AddHours(-1)), CancellationToken.None);
        fixture.Smtp.FailNext = 1;
        var digests = fixture.Host.Get<DigestService>();

        await digests.RunAsync(CancellationToken.None);
        var pending = (await fixture.Host.Get<Outbox>().PendingAsync(CancellationToken.None)).Single();
        await digests.RunAsync(CancellationToken.None);

        Assert.Equal("email", pending.Channel);
        Assert.Contains("try again later", pending.LastError, StringComparison.Ordinal);
        Assert.Single(fixture.Smtp.Messages);
        Assert.Empty(await fixture.Host.Get<Outbox>().PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheStoredDigestIsServedByDateAndMovesThePagesNewMarker()
    {
        await using var fixture = await DeliveryFixture.StartAsync();
        await fixture.Host.Get<CoverageStore>().UpsertAsync(DeliveryFixture.Item("https://news.example/a", "A story about the fuse", fixture.Time.GetUtcNow().AddHours(-1)), CancellationToken.None);
        await fixture.Host.Get<DigestService>().RunAsync(CancellationToken.None);
        var endpoints = fixture.Host.Get<CoverageEndpoints>();

        var digest = await endpoints.DigestAsync("essay-1", "2026-03-10", text: false, CancellationToken.None);
        var text = await endpoints.DigestAsync("essay-1", "2026-03-10", text: true, CancellationToken.None);
        var missing = await endpoints.DigestAsync("essay-1", "2026-03-09", text: false, CancellationToken.None);
        var page = await endpoints.CoverageHtmlAsync("essay-1", CoverageFilter.None, null, CancellationToken.None);

        Assert.Equal(200, digest.Status);
        Assert.Contains("A story about the fuse", digest.Body, StringComparison.Ordinal);
        Assert.StartsWith("text/plain", text.ContentType, StringComparison.Ordinal);
        Assert.Equal(404, missing.Status);
        Assert.Contains("0 items since", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNothingNewTheDigestIsSkippedByDefault()
    {
        await using var fixture = await DeliveryFixture.StartAsync();

        var run = await fixture.Host.Get<DigestService>().RunAsync(CancellationToken.None);

        Assert.Equal(new DigestRun(1, 0, 0), run);
        Assert.Empty(fixture.Smtp.Messages);
        Assert.Empty(fixture.Webhooks.Requests);
    }

    [Fact]
    public async Task WithNothingNewAndWhenEmptySendTheDigestSaysNoNewCoverage()
    {
        await using var fixture = await DeliveryFixture.StartAsync(new Dictionary<string, string?> { ["Coverage:Digest:WhenEmpty"] = "send" });

        await fixture.Host.Get<DigestService>().RunAsync(CancellationToken.None);

        Assert.StartsWith("No new coverage", Assert.Single(fixture.Smtp.Messages).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeTheLocalDigestTimeNothingIsBuilt()
    {
        await using var fixture = await DeliveryFixture.StartAsync(new Dictionary<string, string?> { ["Coverage:Digest:Time"] = "10:30" });
        await fixture.Host.Get<DigestService>().RunAsync(CancellationToken.None); // yesterday's digest (due 2026-03-09 10:30), nothing new
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await fixture.Host.Get<CoverageStore>().UpsertAsync(DeliveryFixture.Item("https://news.example/a", "A story", fixture.Time.GetUtcNow()), CancellationToken.None);

        var beforeTime = await fixture.Host.Get<DigestService>().RunAsync(CancellationToken.None);
        fixture.Time.Advance(TimeSpan.FromHours(2));
        var afterTime = await fixture.Host.Get<DigestService>().RunAsync(CancellationToken.None);

        Assert.Equal(0, beforeTime.Built);
        Assert.Equal(1, afterTime.Built);
        Assert.Contains("1 new item", Assert.Single(fixture.Smtp.Messages).Subject, StringComparison.Ordinal);
    }
}
