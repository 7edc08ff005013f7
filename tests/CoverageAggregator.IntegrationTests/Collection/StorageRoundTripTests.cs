using Azure.Core;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>
/// Storage is asked only what it may know: a cycle reads every source's state in one query, a source never collected
/// has no seen entries to look up, and a new article is added without being read first. None of it changes what is stored.
/// </summary>
public class StorageRoundTripTests
{
    [Fact]
    public async Task AFirstCycleLooksUpNoSourceStateOrSeenEntryAndTheNextLooksUpOnlyTheFeedsThatChanged()
    {
        var stateReads = new RequestCounter(r => r.Method == RequestMethod.Get && r.Uri.Path.Contains("sources(PartitionKey=", StringComparison.Ordinal));
        // A changed feed's judged entries are in its state; its pending ones are asked in one query (social sources have none).
        var seenQueries = new RequestCounter(r => r.Method == RequestMethod.Get && r.Uri.Path.EndsWith("seen()", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.Uri.Query).Contains("PartitionKey eq 'feed-", StringComparison.Ordinal));
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus), configure: services => Count(services, stateReads, seenQueries));
        var cycle = host.Get<CollectionCycle>();

        var first = await cycle.RunAsync(null, CancellationToken.None);
        var (firstStateReads, firstSeenQueries) = (stateReads.Count, seenQueries.Count);
        await server.SetRoundAsync(2);
        var second = await cycle.RunAsync(null, CancellationToken.None);

        Assert.Contains(first, r => r.Coverage > 0);
        Assert.Equal(0, firstStateReads);
        Assert.Equal(0, firstSeenQueries);
        Assert.Equal(0, stateReads.Count);
        var changedFeeds = second.Count(r => r.Source.Kind == SourceKinds.Feed && r.Outcome == Fetching.FetchOutcome.Ok);
        Assert.InRange(changedFeeds, 1, second.Count - 1);
        Assert.Equal(changedFeeds, seenQueries.Count);
    }

    [Fact]
    public async Task ASourceWhoseStateWasLostAfterItsEntriesWereStoredJudgesThemAgainWithoutDuplicatingCoverage()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var cycle = host.Get<CollectionCycle>();
        var store = host.Get<CoverageStore>();
        await cycle.RunAsync(null, CancellationToken.None);
        var before = await store.ListAsync("compute-cliff", CancellationToken.None);

        // As if the process died after storing coverage and seen entries but before the states were written.
        var states = host.Get<StorageClients>().Table("sources");
        foreach (var state in await host.Get<SourceStateStore>().ListAsync(CancellationToken.None))
        {
            await states.DeleteEntityAsync(state.PartitionKey, state.RowKey);
        }

        var reports = await cycle.RunAsync(null, CancellationToken.None);
        var after = await store.ListAsync("compute-cliff", CancellationToken.None);

        Assert.All(reports.Where(r => r.Source.Kind == SourceKinds.Feed), r => Assert.Null(r.Error));
        Assert.Equal(before.Select(i => i.Key).Order(StringComparer.Ordinal), after.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, reports.Sum(r => r.NewCoverage));
        CoverageAssert.NoUrlInTwoItems(after);
    }

    [Fact]
    public async Task ANewArticleIsAddedWithoutBeingReadFirst()
    {
        var itemReads = new RequestCounter(r => r.Method == RequestMethod.Get && r.Uri.Path.Contains("items(PartitionKey=", StringComparison.Ordinal));
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed), configure: services => Count(services, itemReads));
        var store = host.Get<CoverageStore>();

        var added = await store.UpsertAsync(Article("https://news.example/a", "source-a"), CancellationToken.None);
        var readsForTheNewOne = itemReads.Count;
        var addedAgain = await store.UpsertAsync(Article("https://news.example/a", "source-b"), CancellationToken.None);

        Assert.True(added);
        Assert.Equal(0, readsForTheNewOne);
        Assert.False(addedAgain);
        Assert.Equal(1, itemReads.Count); // the stored one is read to merge into it
        var stored = Assert.Single(await store.ListAsync("essay-1", CancellationToken.None));
        Assert.Equal(["source-a", "source-b"], stored.SourceIds);
    }

    [Fact]
    public async Task AnArticleAnotherInstanceStoredSinceThisOneReadTheEssaysArticlesIsMergedIntoNotOverwritten()
    {
        var config = await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed);
        await using var first = new TestHost(config);
        await using var second = new TestHost(config, new Dictionary<string, string?> { ["Coverage:StoragePrefix"] = first.Prefix });
        // The second instance reads the essay's articles before the first stores the one both will find.
        Assert.True(await second.Get<CoverageStore>().UpsertAsync(Article("https://other.example/b", "source-b"), CancellationToken.None));

        Assert.True(await first.Get<CoverageStore>().UpsertAsync(Article("https://news.example/a", "source-a"), CancellationToken.None));
        var secondAdded = await second.Get<CoverageStore>().UpsertAsync(Article("https://news.example/a", "source-c"), CancellationToken.None);

        Assert.False(secondAdded);
        var stored = (await first.Get<CoverageStore>().ListAsync("essay-1", CancellationToken.None)).Single(i => i.Url == "https://news.example/a");
        Assert.Equal(["source-a", "source-c"], stored.SourceIds);
    }

    [Fact]
    public async Task ASourcesStoredRowHasNoColumnForWhatIsDerivedFromItsETag()
    {
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed));
        var state = new SourceState { RowKey = "feed-1", ConfiguredUrl = "https://feeds.example/1", CurrentUrl = "https://feeds.example/1" };

        await host.Get<SourceStateStore>().SaveAsync(SourceStateWrite.Replacing(state), CancellationToken.None);
        var row = await host.Get<StorageClients>().Table("sources").GetEntityAsync<Azure.Data.Tables.TableEntity>(SourceState.Partition, "feed-1");

        Assert.True(state.IsStored);
        Assert.DoesNotContain(nameof(SourceState.IsStored), row.Value.Keys);
        Assert.True((await host.Get<SourceStateStore>().FindAsync("feed-1", CancellationToken.None))!.IsStored);
    }

    [Fact]
    public async Task EveryColumnOfASourceStateComesBackFromStorageWithItsType()
    {
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed));
        var at = new DateTimeOffset(2026, 12, 6, 10, 30, 15, TimeSpan.Zero);
        var state = new SourceState
        {
            RowKey = "feed-2", Name = "Feed", Kind = "feed", ConfiguredUrl = "https://feeds.example/2", CurrentUrl = "https://feeds.example/2b",
            HttpETag = "\"v1\"", HttpLastModified = "Sun, 06 Dec 2026 10:00:00 GMT", LastAttemptAt = at, LastSuccessAt = at.AddMinutes(-1),
            LastErrorAt = at.AddDays(-1), LastError = "timeout", LastWarning = "no dates", ConsecutiveFailures = 3, NextDueAt = at.AddMinutes(30),
            RetryNotBefore = at.AddMinutes(5), Disabled = true, LastItemCount = 50, LastCoverageCount = 2, LastPostsRead = 7, PendingEntries = 1,
            SeenEntries = [1, 2, 3, 250], Cursor = "1234",
        };

        await host.Get<SourceStateStore>().SaveAsync(SourceStateWrite.Replacing(state), CancellationToken.None);
        var read = (await host.Get<SourceStateStore>().ListAsync(CancellationToken.None)).Single(s => s.RowKey == "feed-2");

        foreach (var property in typeof(SourceState).GetProperties().Where(p => p.Name != nameof(SourceState.Timestamp)))
        {
            var (wrote, got) = (property.GetValue(state), property.GetValue(read));
            Assert.True(wrote is byte[] bytes ? bytes.SequenceEqual((byte[])got!) : Equals(wrote, got), $"{property.Name}: wrote {wrote}, read {got}");
        }
    }

    [Fact]
    public async Task AnInstanceStartingAgainstTablesThatExistAsksToCreateNone()
    {
        var tableCreations = new RequestCounter(IsTableCreation);
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        var config = await server.WriteConfigAsync(Paths.Corpus);
        await using var first = new TestHost(config);
        await first.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        await using var second = new TestHost(config, new Dictionary<string, string?> { ["Coverage:StoragePrefix"] = first.Prefix }, configure: services => Count(services, tableCreations));

        var reports = await second.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);

        Assert.All(reports.Where(r => r.Source.Kind == SourceKinds.Feed), r => Assert.Null(r.Error));
        Assert.Equal(0, tableCreations.Count);
        Assert.NotEmpty(await second.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None));
    }

    [Fact]
    public async Task ATableNeverCreatedIsCreatedByItsFirstWriteAndQuery()
    {
        var tableCreations = new RequestCounter(IsTableCreation);
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed), configure: services => Count(services, tableCreations));
        var rows = Enumerable.Range(0, 3).Select(i => new Azure.Data.Tables.TableEntity("p", $"r{i}")).ToList();

        // A transaction first: storage answers it for a missing table with its own error shape.
        await new TableHandle(host.Get<StorageClients>().Table("fresh")).UpsertAllAsync(rows, CancellationToken.None);
        var read = await new TableHandle(host.Get<StorageClients>().Table("fresh")).QueryAsync("PartitionKey eq 'p'", CancellationToken.None);
        var none = await new TableHandle(host.Get<StorageClients>().Table("other")).QueryAsync("PartitionKey eq 'p'", CancellationToken.None);

        Assert.Equal(["r0", "r1", "r2"], read.Select(r => r.RowKey));
        Assert.Empty(none);
        Assert.Equal(2, tableCreations.Count);
    }

    private static bool IsTableCreation(Request request) =>
        request.Method == RequestMethod.Post && request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal);

    private static CoverageItem Article(string url, string sourceId) =>
        FunctionCalls.Item(url, "Outlet story on the essay") with { Kind = CoverageKinds.Article, SourceIds = [sourceId] };

    private static void Count(IServiceCollection services, params RequestCounter[] counters) =>
        services.AddSingleton(sp => new StorageClients(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true" }).Build(),
            sp.GetRequiredService<IOptions<CoverageOptions>>().Value,
            new RequestCounters(counters)));

    /// <summary>Several counters as the one policy the storage clients take.</summary>
    private sealed class RequestCounters(RequestCounter[] counters) : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            foreach (var counter in counters)
            {
                counter.OnSendingRequest(message);
            }
        }
    }
}
