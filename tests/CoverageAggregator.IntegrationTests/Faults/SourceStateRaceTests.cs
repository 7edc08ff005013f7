using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Faults;

/// <summary>Two writers of one source state (a queue worker and a cycle, or a message delivered twice): neither change is lost.</summary>
public class SourceStateRaceTests
{
    [Fact]
    public async Task TwoWritersOfOneSourceStateFromTheSameReadBothLand()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<SourceStateStore>();
        await store.SaveAsync(SourceStateWrite.Replacing(new SourceState { RowKey = "feed-1", ConfiguredUrl = "https://feeds.example/1" }), CancellationToken.None);
        var first = (await store.FindAsync("feed-1", CancellationToken.None))!;
        var second = (await store.FindAsync("feed-1", CancellationToken.None))!;

        await store.SaveAsync(Failure(first), CancellationToken.None);
        await store.SaveAsync(Failure(second), CancellationToken.None); // read before the first write: it must redo its change

        Assert.Equal(2, (await store.FindAsync("feed-1", CancellationToken.None))!.ConsecutiveFailures);
    }

    [Fact]
    public async Task TwoWritersAddingTheSameNewSourceStateBothLandInOneTransactionOrOneByOne()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<SourceStateStore>();
        var fresh = () => new SourceState { RowKey = "feed-2", ConfiguredUrl = "https://feeds.example/2" };

        await Task.WhenAll(
            store.SaveAllAsync([Failure(fresh())], CancellationToken.None),
            store.SaveAllAsync([Failure(fresh())], CancellationToken.None),
            store.SaveAsync(Failure(fresh()), CancellationToken.None));

        Assert.Equal(3, (await store.FindAsync("feed-2", CancellationToken.None))!.ConsecutiveFailures);
    }

    /// <summary>A failed run's change: one more consecutive failure, made again on a newer state when it raced.</summary>
    private static SourceStateWrite Failure(SourceState read)
    {
        var fallback = new SourceState { RowKey = read.RowKey, ConfiguredUrl = read.ConfiguredUrl };
        read.ConsecutiveFailures++;
        return new SourceStateWrite(read, stored =>
        {
            var state = stored ?? fallback;
            state.ConsecutiveFailures++;
            return state;
        });
    }
}
