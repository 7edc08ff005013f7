using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Feeds;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.AspNetCore.Http;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>
/// A judged entry is remembered in its source's state (<see cref="SeenSet"/>), not in a row of its own, so a feed costs
/// no transaction per change for what it judged; entries the set has no room for, and those judged before the set
/// existed, are rows, found again. Either way a changed feed judges only its new entries.
/// </summary>
public class SeenEntryTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Coverage:MaxPagesPerSource"] = "60", ["Coverage:Fetch:MaxRetries"] = "0" };

    private static Task<string> ConfigAsync(ScriptedSite site) => StoryFeedSite.ConfigAsync(site, "Stories");

    /// <summary>Stories <paramref name="ids"/>: summaries alone (their pages must be read) or, dated before the essay, judged on the feed alone.</summary>
    private static string Feed(string baseUrl, IEnumerable<int> ids, bool summaries) => StoryFeedSite.Feed(baseUrl, "Stories", ids, afterTheEssay: summaries);

    private static IResult Article(int i) => StoryFeedSite.Article(i);

    private static string EntryId(int i) => EntryIdentity.Of($"story-{i}", null, null, null);

    [Fact]
    public async Task AJudgedEntryIsRememberedInItsSourcesStateSoAChangedFeedReadsOnlyItsNewEntrysPage()
    {
        await using var site = await ScriptedSite.StartAsync();
        var (ids, etag) = (Enumerable.Range(0, 10).ToList(), "\"v1\"");
        site.On("/feed.xml", c => ScriptedSite.Feed(c, Feed(site.BaseUrl, ids, summaries: true), etag));
        for (var i = 0; i <= 10; i++)
        {
            var n = i;
            site.On($"/story/{n}", _ => Article(n));
        }

        await using var host = new TestHost(await ConfigAsync(site), Settings);
        var cycle = host.Get<CollectionCycle>();
        await cycle.RunAsync(null, CancellationToken.None);
        var afterFirst = SeenSet.Read((await StateAsync(host)).SeenEntries);
        var rowsAfterFirst = await SeenRowsAsync(host);
        (ids, etag) = ([10, .. ids], "\"v2\"");
        await cycle.RunAsync(null, CancellationToken.None);
        var afterSecond = SeenSet.Read((await StateAsync(host)).SeenEntries);

        Assert.Equal(10, afterFirst.Count);
        Assert.All(Enumerable.Range(0, 10), i => Assert.True(afterFirst.Contains(EntryId(i))));
        Assert.Empty(rowsAfterFirst);
        Assert.Empty(await SeenRowsAsync(host));
        Assert.Equal(11, afterSecond.Count);
        Assert.All(Enumerable.Range(0, 11), i => Assert.Equal(1, site.Requests($"/story/{i}")));
        Assert.Equal(11, (await host.Get<CoverageStore>().ListAsync("essay-1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AFeedLongerThanTheSetKeepsTheRestAsRowsAndAChangeJudgesOnlyTheNewEntry()
    {
        await using var site = await ScriptedSite.StartAsync();
        var entries = SeenSet.MaxEntries + 5;
        var (ids, etag) = (Enumerable.Range(0, entries).ToList(), "\"v1\"");
        site.On("/feed.xml", c => ScriptedSite.Feed(c, Feed(site.BaseUrl, ids, summaries: false), etag));
        await using var host = new TestHost(await ConfigAsync(site), Settings);
        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var rowsAfterFirst = await SeenRowsAsync(host);
        (ids, etag) = ([entries, .. ids], "\"v2\"");

        var second = await CollectOnceAsync(host);

        Assert.True(SeenSet.Read((await StateAsync(host)).SeenEntries).IsFull);
        Assert.Equal(Enumerable.Range(SeenSet.MaxEntries, 5).Select(EntryId).Order(StringComparer.Ordinal), rowsAfterFirst.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, second.Judged);
        Assert.True(second.Known!.Contains(EntryId(entries)));
        // The new entry took the set's first place: the last one the set held moves to a row, with the others beyond it.
        var moved = Assert.Single(second.Seen);
        Assert.Equal((EntryId(SeenSet.MaxEntries - 1), SeenEntryStore.JudgedOutcome), (moved.EntryId, moved.Outcome));
    }

    [Fact]
    public async Task EntriesJudgedBeforeTheSetExistedAreFoundInTheirRowsAndMoveToTheSet()
    {
        await using var site = await ScriptedSite.StartAsync();
        var ids = new List<int> { 5, 0, 1, 2, 3, 4 };
        site.On("/feed.xml", c => ScriptedSite.Feed(c, Feed(site.BaseUrl, ids, summaries: false), "\"v2\""));
        await using var host = new TestHost(await ConfigAsync(site), Settings);
        var source = await SourceAsync(host);
        // As an earlier version stored a source: its state without a set, a row for each entry it judged.
        await host.Get<SourceStateStore>().SaveAsync(SourceStateWrite.Replacing(SourceRunner.NewState(source)), CancellationToken.None);
        await host.Get<SeenEntryStore>().MarkSeenAsync(source.Id, Enumerable.Range(0, 5).Select(i => (EntryId(i), (string?)null, "not-coverage")), DateTimeOffset.UtcNow, CancellationToken.None);

        var run = await CollectOnceAsync(host);

        Assert.Equal(1, run.Judged);
        Assert.Empty(run.Seen);
        Assert.All(ids, i => Assert.True(run.Known!.Contains(EntryId(i))));
    }

    private static async Task<SourceDescriptor> SourceAsync(TestHost host) =>
        SourceDescriptor.AllOf(await host.Get<ConfigProvider>().GetAsync(CancellationToken.None)).Single();

    private static async Task<SourceState> StateAsync(TestHost host) =>
        (await host.Get<SourceStateStore>().FindAsync((await SourceAsync(host)).Id, CancellationToken.None))!;

    /// <summary>The feed collector's run on the stored state, without the runner storing what it found.</summary>
    private static async Task<SourceRun> CollectOnceAsync(TestHost host)
    {
        var config = await host.Get<ConfigProvider>().GetAsync(CancellationToken.None);
        var essays = await host.Get<EssayProfiles>().GetAsync(config.Essays, CancellationToken.None);
        var collector = host.Get<IEnumerable<ISourceCollector>>().OfType<FeedCollector>().Single();
        return await collector.CollectAsync(new SourceContext(await SourceAsync(host), await StateAsync(host), essays, DateTimeOffset.UtcNow), CancellationToken.None);
    }

    /// <summary>Every row of the seen table, id to outcome; none when the table was never written.</summary>
    private static async Task<Dictionary<string, string>> SeenRowsAsync(TestHost host)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in host.Get<StorageClients>().Table("seen").QueryAsync<TableEntity>(select: ["RowKey", "Outcome"]))
            {
                rows[row.RowKey] = row.GetString("Outcome");
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }
}
