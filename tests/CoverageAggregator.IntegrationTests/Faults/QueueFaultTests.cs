using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Faults;

public class QueueFaultTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task PoisonMessageMovesToThePoisonQueueAfterFiveTriesWithItsError()
    {
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed));
        var queue = host.Get<SourceQueue>();
        var client = host.Get<StorageClients>().Queue(SourceQueue.Name);
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync("this is not json");

        for (var i = 0; i < SourceQueue.MaxDequeueCount + 1; i++)
        {
            await queue.DrainAsync(CancellationToken.None);
        }

        Assert.Empty((await client.PeekMessagesAsync(10)).Value);
        var poison = host.Get<StorageClients>().Queues.GetQueueClient(client.Name + "-poison");
        var message = Assert.Single((await poison.ReceiveMessagesAsync(10)).Value);
        var record = JsonSerializer.Deserialize<SourceQueue.PoisonMessage>(message.MessageText, Web)!;
        Assert.Equal("this is not json", record.Message);
        Assert.Equal(SourceQueue.MaxDequeueCount, record.DequeueCount);
        Assert.Contains("JsonException", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveringTheSameSourceMessageTwiceAddsNothingTwice()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var queue = host.Get<SourceQueue>();
        await queue.EnqueueDueAsync(CancellationToken.None);
        await queue.DrainAsync(CancellationToken.None);
        var first = await host.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None);

        var config = await host.Get<Configuration.ConfigProvider>().GetAsync(CancellationToken.None);
        foreach (var source in Sources.SourceDescriptor.AllOf(config))
        {
            await queue.ProcessAsync(JsonSerializer.Serialize(new { sourceId = source.Id }), CancellationToken.None);
        }

        var second = await host.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None);
        Assert.NotEmpty(first);
        Assert.Equal(first.Select(i => i.Key).Order(), second.Select(i => i.Key).Order());
    }
}
