using CoverageAggregator.Configuration;
using CoverageAggregator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>
/// The core services on local Azurite, as the hosts build them, with a storage prefix of their own so every test
/// owns fresh tables and queues. Azurite must be running (scripts/azurite.sh start; .ci/run starts it).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestHost(string configPath, IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["Coverage:ConfigPath"] = configPath,
            ["Coverage:StoragePrefix"] = Prefix,
            ["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true",
            ["Coverage:Fetch:TimeoutSeconds"] = "20",
            ["Coverage:SnapshotIntervalSeconds"] = "0", // tests on a fake clock would wait for it forever
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddCoverageAggregator(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string Prefix { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        var storage = Get<Storage.StorageClients>();
        try
        {
            await DeleteOwnStorageAsync(storage);
        }
        catch (Azure.RequestFailedException)
        {
            // Storage may be down on purpose in fault tests; its data folder is temporary.
        }

        await _services.DisposeAsync();
    }

    private async Task DeleteOwnStorageAsync(Storage.StorageClients storage)
    {
        await foreach (var table in storage.Tables.QueryAsync(t => t.Name.CompareTo(Prefix) >= 0 && t.Name.CompareTo(Prefix + "~") < 0))
        {
            await storage.Tables.DeleteTableAsync(table.Name);
        }

        await foreach (var queue in storage.Queues.GetQueuesAsync(prefix: Prefix))
        {
            await storage.Queues.DeleteQueueAsync(queue.Name);
        }

        await foreach (var container in storage.Blobs.GetBlobContainersAsync(prefix: Prefix))
        {
            await storage.Blobs.DeleteBlobContainerAsync(container.Name);
        }
    }
}
