using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Faults;

public class ConcurrencyFaultTests
{
    [Fact]
    public async Task TwoCollectorsRunningAtOnceProduceNoDuplicates()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        var config = await server.WriteConfigAsync(Paths.Corpus);
        await using var first = new TestHost(config);
        await using var second = new TestHost(config, new Dictionary<string, string?> { ["Coverage:StoragePrefix"] = first.Prefix });

        await Task.WhenAll(
            first.Get<CollectionCycle>().RunAsync(null, CancellationToken.None),
            second.Get<CollectionCycle>().RunAsync(null, CancellationToken.None));

        var items = await first.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None);
        Assert.NotEmpty(items);
        CoverageAssert.NoUrlInTwoItems(items);
    }
}
