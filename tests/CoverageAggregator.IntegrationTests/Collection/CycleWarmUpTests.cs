using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>A host warms a cycle up (the essays' pages read for their profiles) while it checks storage; the cycle then reads none again.</summary>
public class CycleWarmUpTests
{
    [Fact]
    public async Task WarmingUpReadsTheEssayPageBeforeTheCycleAndTheCycleDoesNotReadItOnceMore()
    {
        var (withoutWarmUp, _) = await CollectAsync(warmUp: false);
        var (withWarmUp, readByWarmUp) = await CollectAsync(warmUp: true);

        Assert.Equal(1, readByWarmUp);
        Assert.Equal(withoutWarmUp, withWarmUp);
    }

    /// <summary>One cycle on a fresh server and storage: the essay page's requests in all, and those made before the cycle.</summary>
    private static async Task<(int InAll, int BeforeTheCycle)> CollectAsync(bool warmUp)
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var cycle = host.Get<CollectionCycle>();
        var essay = (await host.Get<ConfigProvider>().GetAsync(CancellationToken.None)).Essays[0];
        var essayPath = new Uri(essay.FetchUrl ?? essay.Urls[0]).AbsolutePath;
        if (warmUp)
        {
            await host.Get<CycleWarmUp>().RunAsync(CancellationToken.None);
        }

        var before = await RequestsForAsync(server, essayPath);
        var reports = await cycle.RunAsync(null, CancellationToken.None);
        Assert.Contains(reports, r => r.Coverage > 0);
        return (await RequestsForAsync(server, essayPath), before);
    }

    [Fact]
    public async Task WarmingUpWithABrokenSourcesFileEndsQuietlyForTheHostsCheckToReport()
    {
        var path = await TestConfigs.WriteAsync("{ \"essays\": [ { \"id\": ");
        await using var host = new TestHost(path);

        await host.Get<CycleWarmUp>().RunAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ConfigException>(() => host.Get<ConfigProvider>().GetAsync(CancellationToken.None));
    }

    private static async Task<int> RequestsForAsync(FixtureServer server, string path) =>
        JsonDocument.Parse(await server.RequestLogAsync()).RootElement.EnumerateArray().Count(r => r.GetProperty("path").GetString() == path);
}
