using System.Collections.Concurrent;
using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using CoverageAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Collection;

/// <summary>Progress of a cycle: sources done of total, coverage found, failures.</summary>
public sealed record CycleProgress(int Done, int Total, int Coverage, int Failures, SourceReport? Last);

/// <summary>One collection cycle over every source now, concurrently with a bounded degree and a per-host limit.</summary>
public sealed class CollectionCycle(
    ConfigProvider configs, EssayStore essayStore, SourceStateStore states, EssayProfiles profiles, SourceRunner runner,
    IOptions<CoverageOptions> options, TimeProvider time, ILogger<CollectionCycle> logger)
{
    public async Task<IReadOnlyList<SourceReport>> RunAsync(IProgress<CycleProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = CoverageTelemetry.StartCycle();
        var started = time.GetTimestamp();
        var config = await configs.GetAsync(cancellationToken).ConfigureAwait(false);

        // Three independent round trips (the essay fetch is the long one), so they run at once.
        var saving = SaveEssaysAsync(config, cancellationToken);
        var reading = StoredStatesAsync(cancellationToken);
        var profiling = profiles.GetAsync(config.Essays, cancellationToken);
        await Task.WhenAll(saving, reading, profiling).ConfigureAwait(false);
        var (essays, stored) = (await profiling.ConfigureAwait(false), await reading.ConfigureAwait(false));
        // A source the one query did not return has no state yet, so it is not looked up again (when the query failed, each is).
        SourceState? StoredOrNew(SourceDescriptor source) =>
            stored is null ? null : stored.GetValueOrDefault(source.Id) ?? SourceRunner.NewState(source);
        var sources = SourceDescriptor.AllOf(config);
        var hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        var reports = new SourceReport[sources.Count]; // in the order of the sources file, each written once by its own run
        var batch = new CycleBatch(states, logger);
        int done = 0, coverage = 0, failures = 0;
        progress?.Report(new CycleProgress(0, sources.Count, 0, 0, null));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sources.Index(), parallel, async (indexed, token) =>
        {
            var source = indexed.Item;
            var gate = hosts.GetOrAdd(HostOf(source), _ => new SemaphoreSlim(options.Value.MaxPerHost));
            await gate.WaitAsync(token).ConfigureAwait(false);
            SourceReport report;
            try
            {
                report = await runner.RunAsync(source, StoredOrNew(source), essays, force: true, batch, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // A bug in one source's run (the runner logged it with its stack trace) never stops the others.
                report = new SourceReport(source, Fetching.FetchOutcome.Failed, 0, 0, 0, $"{ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                gate.Release();
            }

            reports[indexed.Index] = report;
            Interlocked.Add(ref coverage, report.Coverage);
            if (report.Error is not null && !report.Deferred)
            {
                Interlocked.Increment(ref failures);
            }

            progress?.Report(new CycleProgress(Interlocked.Increment(ref done), sources.Count, Volatile.Read(ref coverage), Volatile.Read(ref failures), report));
        }).ConfigureAwait(false);

        foreach (var gate in hosts.Values)
        {
            gate.Dispose();
        }

        await runner.CompleteAsync(batch, config.Essays.Select(e => e.Id), cancellationToken).ConfigureAwait(false);

        CoverageTelemetry.CycleDone(activity, reports, time.GetElapsedTime(started), logger);
        return reports;
    }

    private async Task SaveEssaysAsync(CoverageConfig config, CancellationToken cancellationToken)
    {
        try
        {
            await essayStore.SaveAsync(config.Essays, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TableHandle.IsStorageFailure(ex))
        {
            // Storage is down: every source will record its own failure, and the next cycle stores the essays.
        }
    }

    /// <summary>Every source's stored state in one query; null when storage is down (each source then reads its own, and reports the outage).</summary>
    private async Task<IReadOnlyDictionary<string, SourceState>?> StoredStatesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await states.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.RowKey, StringComparer.Ordinal);
        }
        catch (Exception ex) when (TableHandle.IsStorageFailure(ex))
        {
            return null;
        }
    }

    /// <summary>The per-host lane of a source; hosts that only differ by port share one.</summary>
    private static string HostOf(SourceDescriptor source) =>
        Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) ? uri.Host : source.Url;
}
