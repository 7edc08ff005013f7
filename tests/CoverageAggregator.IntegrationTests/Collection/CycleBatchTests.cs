using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>A cycle's deferred writes: source states in transactions of 100, coverage changes told once at the end.</summary>
public class CycleBatchTests
{
    [Fact]
    public async Task StatesAreWrittenOnceATransactionsWorthIsHeldAndTheRestWhenTheBatchCompletes()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var store = host.Get<SourceStateStore>();
        var batch = new CycleBatch(store, NullLogger.Instance);

        foreach (var i in Enumerable.Range(0, CycleBatch.StatesPerWrite - 1))
        {
            await batch.SaveStateAsync(State(i), CancellationToken.None);
        }

        var whileHeld = await store.ListAsync(CancellationToken.None);
        await batch.SaveStateAsync(State(CycleBatch.StatesPerWrite - 1), CancellationToken.None);
        var atFull = await store.ListAsync(CancellationToken.None);
        await batch.SaveStateAsync(State(CycleBatch.StatesPerWrite), CancellationToken.None);
        await batch.WriteHeldStatesAsync(CancellationToken.None);
        var change = batch.Change(["essay-1"]);
        var atEnd = await store.ListAsync(CancellationToken.None);

        Assert.Empty(whileHeld);
        Assert.Equal(CycleBatch.StatesPerWrite, atFull.Count);
        Assert.Equal(CycleBatch.StatesPerWrite + 1, atEnd.Count);
        Assert.Equal("feed-100", atEnd.Single(s => s.RowKey == "feed-100").Name);
        Assert.Equal(["essay-1"], change.EssayIds);
        Assert.Empty(change.Added);
    }

    [Fact]
    public async Task ChangesOfManySourcesAreMergedIntoOneChange()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var batch = new CycleBatch(host.Get<SourceStateStore>(), NullLogger.Instance);
        var first = FunctionCalls.Item("https://news.example/a", "First story");
        var second = FunctionCalls.Item("https://news.example/b", "Second story") with { EssayId = "essay-2" };

        batch.Add(new CoverageChange(["essay-1"], [first]));
        batch.Add(new CoverageChange(["essay-2"], [second]));
        var change = batch.Change(["essay-1", "essay-3"]);

        Assert.Equal(["essay-1", "essay-2", "essay-3"], change.EssayIds.Order(StringComparer.Ordinal));
        Assert.Equal([first.Key, second.Key], change.Added.Select(i => i.Key));
    }

    private static SourceState State(int i) => new() { RowKey = $"feed-{i:D3}", Name = $"feed-{i}", ConfiguredUrl = $"https://feeds.example/{i}", CurrentUrl = $"https://feeds.example/{i}" };
}
