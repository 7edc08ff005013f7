using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Publishing;
using CoverageAggregator.Sources;
using CoverageAggregator.Configuration;

namespace CoverageAggregator.IntegrationTests.Publishing;

public class AdminCollectTests
{
    [Fact]
    public async Task AdminCollectEnqueuesTheDueSourcesAndAnswers202WithWhereToWatch()
    {
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed));
        var sources = SourceDescriptor.AllOf(await host.Get<ConfigProvider>().GetAsync(CancellationToken.None));

        var reply = await host.Get<AdminEndpoints>().CollectNowAsync(CancellationToken.None);

        Assert.Equal(202, reply.Status);
        Assert.Equal(AdminEndpoints.WatchJson, reply.Headers["Location"]);
        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal(sources.Count, body.RootElement.GetProperty("enqueued").GetInt32());
        var queued = await host.Get<Storage.StorageClients>().Queue(SourceQueue.Name).PeekMessagesAsync(32);
        Assert.Equal(sources.Count, queued.Value.Length);
    }
}
