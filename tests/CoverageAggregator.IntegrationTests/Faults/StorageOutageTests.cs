using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Faults;

public class StorageOutageTests
{
    [Fact]
    public async Task StorageDyingMidRunFailsSourcesCleanlyAndTheNextCycleRecovers()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var azurite = new AzuriteInstance();
        await azurite.StartAsync();
        var settings = new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = azurite.ConnectionString, ["Coverage:MaxConcurrency"] = "2" };
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus), settings);
        var cycle = host.Get<CollectionCycle>();

        // Storage dies as soon as the first source has been recorded.
        var killed = 0;
        var outage = await cycle.RunAsync(new SynchronousProgress(p =>
        {
            if (p.Done == 1 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                azurite.Kill();
            }
        }), CancellationToken.None);

        Assert.Contains(outage, r => r.Error?.StartsWith("storage unavailable", StringComparison.Ordinal) == true);

        await azurite.StartAsync();
        var recovered = await cycle.RunAsync(null, CancellationToken.None);
        Assert.DoesNotContain(recovered, r => r.Error?.StartsWith("storage unavailable", StringComparison.Ordinal) == true);

        await using var clean = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        await clean.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        var expected = (await clean.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None)).Select(i => i.Url).Order();
        var actual = (await host.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None)).Select(i => i.Url).Order();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task StorageDownAtStartThenUpLetsTheQueueAndTheSnapshotsWorkWithoutARestart()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var azurite = new AzuriteInstance(); // not started yet: storage is down when the app starts
        var settings = new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = azurite.ConnectionString };
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus), settings);
        var queue = host.Get<SourceQueue>();
        var snapshots = host.Get<SnapshotStore>();

        await Assert.ThrowsAnyAsync<Exception>(() => queue.DrainAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => snapshots.FindAsync("compute-cliff", CancellationToken.None));

        await azurite.StartAsync();
        Assert.True(await queue.EnqueueDueAsync(CancellationToken.None) > 0);
        Assert.True(await queue.DrainAsync(CancellationToken.None) > 0);
        var snapshot = await snapshots.FindAsync("compute-cliff", CancellationToken.None);
        Assert.NotNull(snapshot);
        Assert.NotEmpty(snapshot.Export.Items);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this one reports inline, so the outage happens exactly there.</summary>
    private sealed class SynchronousProgress(Action<CycleProgress> report) : IProgress<CycleProgress>
    {
        public void Report(CycleProgress value) => report(value);
    }
}
