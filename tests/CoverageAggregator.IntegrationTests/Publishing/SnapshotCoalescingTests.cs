using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.IntegrationTests.Publishing;

/// <summary>Two instances storing coverage of one essay at once render its page together, not once each per change.</summary>
public class SnapshotCoalescingTests
{
    [Fact]
    public async Task ChangesOnTwoInstancesAtOnceAreRenderedByOneRebuildAndNoneIsLeftOut()
    {
        var uploads = RequestCounter.SnapshotUploads();
        var config = await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed);
        var settings = new Dictionary<string, string?> { ["Coverage:SnapshotIntervalSeconds"] = "3" };
        await using var first = new TestHost(config, settings, configure: services => Count(services, uploads));
        await using var second = new TestHost(config, new Dictionary<string, string?>(settings) { ["Coverage:StoragePrefix"] = first.Prefix }, configure: services => Count(services, uploads));
        await first.Get<CoverageSnapshots>().RebuildAsync("essay-1", CancellationToken.None); // the page exists, as after any earlier run
        uploads.Reset();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var host = i % 2 == 0 ? first : second;
            var item = FunctionCalls.Item($"https://news{i}.example/story", $"Story {i}");
            await host.Get<CoverageStore>().UpsertAsync(item, CancellationToken.None);
            await host.Get<CoverageSnapshots>().CoverageChangedAsync(new CoverageChange(["essay-1"], [item]), CancellationToken.None);
        }));
        await Task.WhenAll(first.Get<CoverageSnapshots>().FlushAsync(CancellationToken.None), second.Get<CoverageSnapshots>().FlushAsync(CancellationToken.None));

        var stored = await first.Get<SnapshotStore>().FindAsync("essay-1", CancellationToken.None);
        Assert.Equal(20, stored!.Export.Items.Count);
        Assert.InRange(uploads.Count, 1, 2);
    }

    private static void Count(IServiceCollection services, RequestCounter uploads) =>
        services.AddSingleton(sp => new StorageClients(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true" }).Build(),
            sp.GetRequiredService<IOptions<CoverageOptions>>().Value,
            uploads));
}
