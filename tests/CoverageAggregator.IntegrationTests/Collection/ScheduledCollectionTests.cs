using System.Threading.Channels;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>The loop of a host without timer and queue triggers (`coverage run`), on Azurite and a fake clock.</summary>
public class ScheduledCollectionTests
{
    private static string Feed(string name) =>
        $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title><item><title>{name} 1</title><guid>{name}-1</guid>"
        + "<pubDate>Mon, 10 Feb 2025 10:00:00 GMT</pubDate><description>Nothing to do with any essay.</description></item></channel></rss>";

    [Fact]
    public async Task ACollectNowIsWorkedOffAtOnceWithEachDueSourceOnTheQueueOnce()
    {
        await using var site = await ScriptedSite.StartAsync();
        site.On("/a.xml", c => ScriptedSite.Feed(c, Feed("A"), "\"a\""))
            .On("/b.xml", c => ScriptedSite.Feed(c, Feed("B"), "\"b\""))
            .On("/the-long-fuse", _ => Results.Text("<html><head><title>The Long Fuse</title></head><body><article><h1>The Long Fuse</h1><p>An essay.</p></article></body></html>", "text/html"));
        var config = await TestConfigs.WriteAsync($$"""
            {"essays":[{"id":"essay-1","title":"The Long Fuse","urls":["{{site.BaseUrl}}/the-long-fuse"],"publishedAt":"2026-01-01T00:00:00Z"}],
             "feeds":[{"name":"Feed A","url":"{{site.BaseUrl}}/a.xml"},{"name":"Feed B","url":"{{site.BaseUrl}}/b.xml"}]}
            """);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        // The cron's next tick is months away on this clock: only the "collect now" can start the second round.
        var settings = new Dictionary<string, string?> { ["Coverage:PollSchedule"] = "0 0 0 1 1 *", ["Coverage:Fetch:MaxRetries"] = "0" };
        await using var host = new TestHost(config, settings, time);
        var lines = Channel.CreateUnbounded<string>();
        using var stop = new CancellationTokenSource();
        var running = host.Get<ScheduledCollection>().RunAsync(line => lines.Writer.TryWrite(line), stop.Token);

        var first = await lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromHours(1)); // both sources are due again
        var reply = await host.Get<AdminEndpoints>().CollectNowAsync(CancellationToken.None);
        var second = await lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();

        Assert.Contains("2 sources due, 2 collected", first, StringComparison.Ordinal);
        Assert.Equal(202, reply.Status);
        Assert.Contains("2 sources due, 2 collected", second, StringComparison.Ordinal);
        Assert.Equal([2, 2], new[] { site.Requests("/a.xml"), site.Requests("/b.xml") }); // each fetched once a round
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }
}
