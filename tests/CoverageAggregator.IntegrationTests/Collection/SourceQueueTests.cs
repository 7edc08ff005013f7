using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>The local host's queue worker takes the next message as soon as one of its own is done (a sliding window, not batch after batch).</summary>
public class SourceQueueTests
{
    private static readonly string[] FeedPaths = ["/slow.xml", "/a.xml", "/b.xml"];

    private static string Feed(string name) =>
        $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title><item><title>{name} 1</title><guid>{name}-1</guid>"
        + "<pubDate>Mon, 10 Feb 2025 10:00:00 GMT</pubDate><description>Nothing to do with any essay.</description></item></channel></rss>";

    private static string SourceId(string url) => "feed-" + Feeds.EntryIdentity.Hash(url)[..16];

    [Fact]
    public async Task ASlowSourceHoldsBackOneWorkerNotTheOtherMessageOfItsBatch()
    {
        await using var site = await ScriptedSite.StartAsync();
        using var release = new ManualResetEventSlim();
        site.On("/slow.xml", c =>
            {
                release.Wait(TimeSpan.FromSeconds(90));
                return ScriptedSite.Feed(c, Feed("Slow"), "\"s\"");
            })
            .On("/a.xml", c => ScriptedSite.Feed(c, Feed("A"), "\"a\""))
            .On("/b.xml", c => ScriptedSite.Feed(c, Feed("B"), "\"b\""));
        var urls = FeedPaths.Select(path => site.BaseUrl + path).ToList();
        var config = await TestConfigs.WriteAsync($$"""
            {"essays":[{"id":"essay-1","title":"The Long Fuse","urls":["https://fuse.example/p/the-long-fuse"],"publishedAt":"2026-01-01T00:00:00Z"}],
             "feeds":[{{string.Join(",", urls.Select((u, i) => $"{{\"name\":\"Feed {i}\",\"url\":\"{u}\"}}"))}}]}
            """);
        var settings = new Dictionary<string, string?> { ["Coverage:MaxConcurrency"] = "2", ["Coverage:MaxPerHost"] = "4", ["Coverage:Fetch:MaxRetries"] = "0", ["Coverage:Fetch:TimeoutSeconds"] = "120" };
        await using var host = new TestHost(config, settings);
        var client = host.Get<StorageClients>().Queue(SourceQueue.Name);
        await client.CreateIfNotExistsAsync();
        // In this order: the slow source and "a" are the first batch of two, "b" comes after them.
        foreach (var url in urls)
        {
            await client.SendMessageAsync(JsonSerializer.Serialize(new { sourceId = SourceId(url) }));
        }

        var draining = host.Get<SourceQueue>().DrainAsync(CancellationToken.None);
        var bAskedWhileTheSlowOneWaits = await WaitForAsync(() => site.Requests("/b.xml") > 0);
        release.Set();
        var processed = await draining;

        Assert.True(bAskedWhileTheSlowOneWaits, "the third message waited for the slow one of the first batch");
        Assert.Equal(3, processed);
        Assert.Empty((await client.PeekMessagesAsync(10)).Value);
    }

    /// <summary>Whether the condition comes true within 30 s, less than the slow answer takes (90 s) and the fetch waits for it (120 s).</summary>
    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
