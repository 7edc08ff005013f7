using System.Collections.Concurrent;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Digest;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The stored snapshots: rebuilt when coverage changes (after a source run stored items, after a digest), read from
/// Blob storage and kept in memory for a few seconds, so a request never recomputes the page from the item table.
/// </summary>
public sealed class CoverageSnapshots(
    ConfigProvider configs, EssayStore essays, CoverageStore items, DigestStore digests, SnapshotStore store, WaitingEntries waiting,
    IOptions<CoverageOptions> options, TimeProvider time, ILogger<CoverageSnapshots> logger)
    : ICoverageObserver
{
    /// <summary>How long a process serves its in-memory copy before looking at the stored blob again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (CoverageSnapshot Snapshot, DateTimeOffset LoadedAt)> _memory = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<CoverageSnapshot?>>> _loads = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Task> _rebuilds = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Essays waiting for a rebuild: when their latest change was stored, and whether it is to be rendered at once (a cycle's end).</summary>
    private readonly Dictionary<string, (DateTimeOffset ChangedAt, bool AtOnce)> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far two instances' clocks may differ: a listing is taken to cover only changes older by this much.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(1);

    /// <summary>How often a rebuild waiting for another instance's lease looks again.</summary>
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The essay's snapshot; built once when none is stored yet. Null for an unknown essay. A copy older than
    /// <see cref="Freshness"/> is still answered while one load of the stored blob replaces it in the background, so
    /// requests under load never wait for storage together when the copy expires.
    /// </summary>
    public async Task<CoverageSnapshot?> GetAsync(string essayId, CancellationToken cancellationToken)
    {
        if (_memory.TryGetValue(essayId, out var held))
        {
            if (time.GetUtcNow() - held.LoadedAt >= Freshness)
            {
                _ = RefreshAsync(essayId);
            }

            return held.Snapshot;
        }

        return await LoadOnceAsync(essayId).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One load of the stored snapshot per essay at a time, shared by every request that needs it.</summary>
    private Task<CoverageSnapshot?> LoadOnceAsync(string essayId) =>
        _loads.GetOrAdd(essayId, id => new Lazy<Task<CoverageSnapshot?>>(() => LoadThenForgetAsync(id))).Value;

    private async Task<CoverageSnapshot?> LoadThenForgetAsync(string essayId)
    {
        try
        {
            return await LoadAsync(essayId).ConfigureAwait(false);
        }
        finally
        {
            _loads.TryRemove(essayId, out _);
        }
    }

    /// <summary>A load in the background: its failure (storage down) is logged and the held copy is answered meanwhile.</summary>
    private async Task RefreshAsync(string essayId)
    {
        try
        {
            await LoadOnceAsync(essayId).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.SnapshotFailed(logger, essayId, ex.Message, ex);
        }
    }

    private async Task<CoverageSnapshot?> LoadAsync(string essayId)
    {
        var stored = await store.FindAsync(essayId, CancellationToken.None).ConfigureAwait(false);
        if (stored is null)
        {
            return await RebuildAsync(essayId, CancellationToken.None).ConfigureAwait(false);
        }

        if (_memory.TryGetValue(essayId, out var held) && held.Snapshot.Version == stored.Version && held.Snapshot.BuiltAt == stored.BuiltAt)
        {
            stored = held.Snapshot; // keep the parsed export
        }

        _memory[essayId] = (stored, time.GetUtcNow());
        return stored;
    }

    /// <summary>Renders the essay's coverage in every format and stores it (unless nothing changed). Null for an unknown essay.</summary>
    public Task<CoverageSnapshot?> RebuildAsync(string essayId, CancellationToken cancellationToken) =>
        RebuildAsync(essayId, changedAt: null, cancellationToken);

    /// <summary>
    /// Rebuilds under the essay's lease, so instances take turns. With <paramref name="changedAt"/> (a coverage change
    /// stored then) it is skipped when a rebuild anywhere read the items after that, and it waits until the last one is
    /// <see cref="CoverageOptions.SnapshotIntervalSeconds"/> old: under load every instance's changes of an essay are
    /// rendered together, about once per interval, and none is left out.
    /// </summary>
    private async Task<CoverageSnapshot?> RebuildAsync(string essayId, DateTimeOffset? changedAt, CancellationToken cancellationToken)
    {
        var essay = await FindEssayAsync(essayId, cancellationToken).ConfigureAwait(false);
        if (essay is null)
        {
            return null;
        }

        var gate = _locks.GetOrAdd(essay.Id, _ => new SemaphoreSlim(1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (changedAt is { } changed && await IsCoveredAsync(essay.Id, changed, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var lease = await store.AcquireLeaseAsync(essay.Id, cancellationToken).ConfigureAwait(false);
                if (lease.Busy)
                {
                    await Task.Delay(LeasePoll, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    if (changedAt is { } change && await WaitForTurnAsync(essay.Id, change, cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return await BuildAndStoreAsync(essay, lease.Id, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (lease.Id is { } id)
                    {
                        await store.ReleaseLeaseAsync(essay.Id, id, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Whether the stored snapshot was built from items read after <paramref name="changedAt"/>, by a margin that
    /// covers the clock difference of two instances (a change just before another's listing is rendered again).
    /// </summary>
    private async Task<bool> IsCoveredAsync(string essayId, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        (await store.FindStampAsync(essayId, cancellationToken).ConfigureAwait(false))?.ListedAt > changedAt + ClockSkew;

    /// <summary>Holding the lease, waits out the interval since the last rebuild; answers true when that one covers the change.</summary>
    private async Task<bool> WaitForTurnAsync(string essayId, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var stamp = await store.FindStampAsync(essayId, cancellationToken).ConfigureAwait(false);
        if (stamp?.ListedAt is not { } listedAt)
        {
            return false;
        }

        if (listedAt > changedAt + ClockSkew)
        {
            return true;
        }

        var wait = listedAt + TimeSpan.FromSeconds(options.Value.SnapshotIntervalSeconds) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<CoverageSnapshot> BuildAndStoreAsync(EssayConfig essay, string? leaseId, CancellationToken cancellationToken)
    {
        var listedAt = time.GetUtcNow();
        // Four independent reads at once. The stored version comes from the blob's metadata (only this rebuild writes the
        // blob while it holds the lease); the blob itself is read only when it is the same snapshot.
        var listing = items.ListAsync(essay.Id, cancellationToken);
        var lastDigest = digests.LastAsync(essay.Id, cancellationToken);
        var waitingEntries = waiting.ListAsync(essay.Id, cancellationToken);
        var stamp = store.FindStampAsync(essay.Id, cancellationToken);
        await Task.WhenAll(listing, lastDigest, waitingEntries, stamp).ConfigureAwait(false);
        var export = CoverageExport.Build(essay, await listing.ConfigureAwait(false), time.GetUtcNow()) with
        {
            LastDigestAt = (await lastDigest.ConfigureAwait(false))?.Until,
            Waiting = await waitingEntries.ConfigureAwait(false) is { Count: > 0 } entries ? entries : null,
        };
        var snapshot = CoverageSnapshot.From(export);
        var previous = (await stamp.ConfigureAwait(false))?.Version == snapshot.Version
            ? await store.FindAsync(essay.Id, cancellationToken).ConfigureAwait(false)
            : null;
        if (previous is null || previous.Version != snapshot.Version)
        {
            await store.SaveAsync(snapshot, listedAt, leaseId, cancellationToken).ConfigureAwait(false);
            Log.SnapshotRebuilt(logger, essay.Id, export.Items.Count);
        }
        else
        {
            await store.MarkListedAsync(essay.Id, previous.Version, listedAt, leaseId, cancellationToken).ConfigureAwait(false);
            snapshot = previous;
        }

        _memory[essay.Id] = (snapshot, time.GetUtcNow());
        return snapshot;
    }

    /// <summary>
    /// Schedules a rebuild of each changed essay without waiting for it. Rebuilds coalesce: while one runs, any number of
    /// changes ask for one more run after it, so a cycle of many sources renders each page a few times, not once per source;
    /// across instances, the lease and the stamp in the blob coalesce them (see <see cref="RebuildAsync(string, DateTimeOffset?, CancellationToken)"/>).
    /// </summary>
    public Task CoverageChangedAsync(CoverageChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var essayId in change.EssayIds)
        {
            lock (_rebuilds)
            {
                // The change was stored before this: a rebuild that lists items later covers it.
                _pending[essayId] = (time.GetUtcNow(), change.AtCycleEnd || (_pending.TryGetValue(essayId, out var waiting) && waiting.AtOnce));
                if (!_rebuilds.TryGetValue(essayId, out var running) || running.IsCompleted)
                {
                    _rebuilds[essayId] = Task.Run(() => RebuildWhilePendingAsync(essayId), CancellationToken.None);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for the scheduled rebuilds, so a run that ends (CLI, queue message) leaves its snapshots stored.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_rebuilds)
        {
            running = [.. _rebuilds.Values];
        }

        return Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    private async Task RebuildWhilePendingAsync(string essayId)
    {
        while (true)
        {
            (DateTimeOffset ChangedAt, bool AtOnce) pending;
            lock (_rebuilds)
            {
                if (!_pending.Remove(essayId, out pending))
                {
                    return;
                }
            }

            try
            {
                await RebuildAsync(essayId, pending.AtOnce ? null : pending.ChangedAt, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // A rendering error or a storage failure never fails the run; the next change rebuilds again.
                Log.SnapshotFailed(logger, essayId, ex.Message, ex);
            }
        }
    }

    /// <summary>The essays of the sources file when it can be read, else those stored by the last collection.</summary>
    public async Task<IReadOnlyList<EssayConfig>> EssaysAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await configs.GetAsync(cancellationToken).ConfigureAwait(false)).Essays;
        }
        catch (ConfigException)
        {
            return await essays.ListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<EssayConfig?> FindEssayAsync(string essayId, CancellationToken cancellationToken) =>
        (await EssaysAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => string.Equals(e.Id, essayId, StringComparison.OrdinalIgnoreCase));
}
