using System.Globalization;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>An entry whose judgement could not finish is kept pending and judged in a later run, even when the feed then answers 304.</summary>
public class PendingEntryTests
{
    private static Task<string> ConfigAsync(ScriptedSite site) => StoryFeedSite.ConfigAsync(site, "Summaries");

    /// <summary>A summary-only feed: the entries' text is too short to judge, so every page must be read.</summary>
    private static string SummaryFeed(string baseUrl, int entries) => StoryFeedSite.Feed(baseUrl, "Summaries", Enumerable.Range(0, entries));

    private static IResult Article(int i) => StoryFeedSite.Article(i);

    private static Dictionary<string, string?> Settings(int maxPages) => new()
    {
        ["Coverage:MaxPagesPerSource"] = maxPages.ToString(CultureInfo.InvariantCulture),
        ["Coverage:Fetch:MaxRetries"] = "0",
    };

    [Fact]
    public async Task APageThatFailsInTheFirstRunAndAnswersInTheSecondIsCoverageAfterTheSecond()
    {
        await using var site = await ScriptedSite.StartAsync();
        var failing = true;
        site.On("/feed.xml", c => ScriptedSite.Feed(c, SummaryFeed(site.BaseUrl, 1), "\"v1\""))
            .On("/story/0", _ => failing ? Results.StatusCode(503) : Article(0));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(await ConfigAsync(site), Settings(60), time);
        var cycle = host.Get<CollectionCycle>();
        var store = host.Get<CoverageStore>();

        await cycle.RunAsync(null, CancellationToken.None);
        var afterFirst = await store.ListAsync("essay-1", CancellationToken.None);
        var pendingAfterFirst = await host.Get<SeenEntryStore>().CountPendingAsync("feed-" + Feeds.EntryIdentity.Hash(site.BaseUrl + "/feed.xml")[..16], CancellationToken.None);
        failing = false;
        time.Advance(TimeSpan.FromMinutes(20));
        await cycle.RunAsync(null, CancellationToken.None);
        var afterSecond = await store.ListAsync("essay-1", CancellationToken.None);

        Assert.Empty(afterFirst);
        var item = Assert.Single(afterSecond);
        Assert.Equal(site.BaseUrl + "/story/0", item.Url);
        Assert.Equal(2, site.Requests("/story/0"));
        var sourceId = "feed-" + Feeds.EntryIdentity.Hash(site.BaseUrl + "/feed.xml")[..16];
        Assert.Equal((1, 0), (pendingAfterFirst, await host.Get<SeenEntryStore>().CountPendingAsync(sourceId, CancellationToken.None)));
    }

    [Fact]
    public async Task AFeedWhoseEntriesAreAllJudgedRecordsThatNoneWait()
    {
        await using var site = await ScriptedSite.StartAsync();
        site.On("/feed.xml", c => ScriptedSite.Feed(c, SummaryFeed(site.BaseUrl, 2), "\"v1\""))
            .On("/story/0", _ => Article(0))
            .On("/story/1", _ => Article(1));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(await ConfigAsync(site), Settings(60), time);

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);

        var state = await host.Get<SourceStateStore>().FindAsync(SourceId(site), CancellationToken.None);
        Assert.Equal(0, state?.PendingEntries);
    }

    [Fact]
    public async Task AnEntryNotYetDueWhenTheFeedChangesStaysCountedAndIsJudgedWhenDueThoughTheFeedThenAnswers304()
    {
        await using var site = await ScriptedSite.StartAsync();
        var (entries, failing) = (1, true);
        site.On("/feed.xml", c => ScriptedSite.Feed(c, SummaryFeed(site.BaseUrl, entries), $"\"v{entries}\""))
            .On("/story/0", _ => failing ? Results.StatusCode(503) : Article(0))
            .On("/story/1", _ => Article(1));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(await ConfigAsync(site), Settings(60), time);
        var cycle = host.Get<CollectionCycle>();
        var states = host.Get<SourceStateStore>();
        var pending = new List<int?>();

        await cycle.RunAsync(null, CancellationToken.None); // story 0 fails: pending, due in 15 minutes
        pending.Add((await states.FindAsync(SourceId(site), CancellationToken.None))?.PendingEntries);
        (entries, failing) = (2, false);
        time.Advance(TimeSpan.FromMinutes(1));
        await cycle.RunAsync(null, CancellationToken.None); // the feed changed; story 0 is not due yet
        pending.Add((await states.FindAsync(SourceId(site), CancellationToken.None))?.PendingEntries);
        time.Advance(TimeSpan.FromMinutes(20));
        await cycle.RunAsync(null, CancellationToken.None); // 304; story 0 is due
        pending.Add((await states.FindAsync(SourceId(site), CancellationToken.None))?.PendingEntries);

        Assert.Equal([1, 1, 0], pending);
        Assert.Equal(2, (await host.Get<CoverageStore>().ListAsync("essay-1", CancellationToken.None)).Count);
        Assert.Equal(2, site.Requests("/story/0"));
    }

    [Fact]
    public async Task TwoHundredEntriesWithACapOfSixtyAreAllJudgedAfterFourRunsThoughTheFeedAnswers304()
    {
        await using var site = await ScriptedSite.StartAsync();
        site.On("/feed.xml", c => ScriptedSite.Feed(c, SummaryFeed(site.BaseUrl, 200), "\"v1\""));
        for (var i = 0; i < 200; i++)
        {
            var n = i;
            site.On($"/story/{n}", _ => Article(n));
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(await ConfigAsync(site), Settings(60), time);
        var cycle = host.Get<CollectionCycle>();
        var store = host.Get<CoverageStore>();
        var counts = new List<int>();
        var pending = new List<int?>();

        for (var run = 0; run < 4; run++)
        {
            await cycle.RunAsync(null, CancellationToken.None);
            counts.Add((await store.ListAsync("essay-1", CancellationToken.None)).Count);
            pending.Add(Assert.Single(await host.Get<CoverageAggregator.Publishing.CoverageEndpoints>().SourceHealthAsync(CancellationToken.None)).PendingEntries);
            time.Advance(TimeSpan.FromMinutes(16));
        }

        Assert.Equal([60, 120, 180, 200], counts);
        Assert.Equal([140, 80, 20, 0], pending);
        Assert.Equal(4, site.Requests("/feed.xml"));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(1, site.Requests($"/story/{i}")));
    }

    [Fact]
    public async Task ACyclesPageIsRenderedAtItsEndWithoutWaitingOutTheRebuildSpacing()
    {
        await using var site = await ScriptedSite.StartAsync();
        var entries = 1;
        site.On("/feed.xml", c => ScriptedSite.Feed(c, SummaryFeed(site.BaseUrl, entries), $"\"v{entries}\""))
            .On("/story/0", _ => Article(0))
            .On("/story/1", _ => Article(1));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        var settings = Settings(60);
        settings["Coverage:SnapshotIntervalSeconds"] = "60"; // the clock never moves: a spaced rebuild would wait for ever
        await using var host = new TestHost(await ConfigAsync(site), settings, time);
        var cycle = host.Get<CollectionCycle>();

        await cycle.RunAsync(null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        entries = 2;
        await cycle.RunAsync(null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var snapshot = await host.Get<CoverageAggregator.Publishing.CoverageSnapshots>().GetAsync("essay-1", CancellationToken.None);

        Assert.Equal(2, snapshot?.Export.Items.Count);
    }

    private static string SourceId(ScriptedSite site) => StoryFeedSite.SourceId(site);
}
