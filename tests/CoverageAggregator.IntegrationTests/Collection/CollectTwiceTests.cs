using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

public class CollectTwiceTests
{
    [Fact]
    public async Task SecondCollectionOfUnchangedFeedsAddsNoDuplicateItems()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var cycle = host.Get<CollectionCycle>();
        var store = host.Get<CoverageStore>();

        await cycle.RunAsync(null, CancellationToken.None);
        var first = await store.ListAsync("compute-cliff", CancellationToken.None);
        await cycle.RunAsync(null, CancellationToken.None);
        var second = await store.ListAsync("compute-cliff", CancellationToken.None);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(i => i.Key).Order(), second.Select(i => i.Key).Order());
        CoverageAssert.NoUrlInTwoItems(second);
    }

    [Fact]
    public async Task RoundTwoAddsNewItemsWithoutDuplicatingRoundOne()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var cycle = host.Get<CollectionCycle>();
        var store = host.Get<CoverageStore>();

        await cycle.RunAsync(null, CancellationToken.None);
        var first = await store.ListAsync("compute-cliff", CancellationToken.None);
        await server.SetRoundAsync(2);
        await cycle.RunAsync(null, CancellationToken.None);
        var second = await store.ListAsync("compute-cliff", CancellationToken.None);

        Assert.True(second.Count > first.Count, $"round 2 found nothing new ({first.Count} → {second.Count})");
        Assert.Superset(first.Select(i => i.Key).ToHashSet(), second.Select(i => i.Key).ToHashSet());
        CoverageAssert.NoUrlInTwoItems(second);
    }

    [Fact]
    public async Task UnchangedFeedsAreAskedConditionallyInTheSecondRound()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var cycle = host.Get<CollectionCycle>();

        await cycle.RunAsync(null, CancellationToken.None);
        await server.SetRoundAsync(2);
        var reports = await cycle.RunAsync(null, CancellationToken.None);

        var log = System.Text.Json.JsonDocument.Parse(await server.RequestLogAsync()).RootElement;
        var notModified = log.EnumerateArray().Count(r => r.GetProperty("round").GetInt32() == 2 && r.GetProperty("status").GetInt32() == 304);
        Assert.True(notModified >= 4, $"only {notModified} answers were 304 in round 2");
        Assert.Contains(reports, r => r.Outcome == Fetching.FetchOutcome.NotModified);
    }
}
