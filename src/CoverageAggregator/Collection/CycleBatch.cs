using CoverageAggregator.Coverage;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Logging;

namespace CoverageAggregator.Collection;

/// <summary>
/// What a cycle defers so it does not pay per source: source states, written in transactions of up to 100 (they share
/// one partition), and coverage changes, told to the observers once at the end. Coverage and judged entries are never
/// deferred, so a process killed before a state is written only costs that source an unconditional fetch next time.
/// </summary>
public sealed class CycleBatch(SourceStateStore states, ILogger logger)
{
    /// <summary>States held before they are written: one transaction's worth.</summary>
    public const int StatesPerWrite = TableHandle.MaxBatch;

    private readonly Lock _lock = new();
    private readonly HashSet<string> _essayIds = new(StringComparer.Ordinal);
    private readonly List<CoverageItem> _added = [];
    private List<SourceStateWrite> _states = [];

    /// <summary>Holds a state that replaces the stored one (see <see cref="SourceStateWrite.Replacing"/>).</summary>
    public Task SaveStateAsync(SourceState state, CancellationToken cancellationToken) =>
        SaveStateAsync(SourceStateWrite.Replacing(state), cancellationToken);

    /// <summary>Holds the write; writes the held ones once a transaction's worth is waiting.</summary>
    public Task SaveStateAsync(SourceStateWrite write, CancellationToken cancellationToken)
    {
        List<SourceStateWrite>? full = null;
        lock (_lock)
        {
            _states.Add(write);
            if (_states.Count >= StatesPerWrite)
            {
                (full, _states) = (_states, []);
            }
        }

        return full is null ? Task.CompletedTask : WriteAsync(full, cancellationToken);
    }

    public void Add(CoverageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            _essayIds.UnionWith(change.EssayIds);
            _added.AddRange(change.Added);
        }
    }

    /// <summary>Writes the states still held.</summary>
    public Task WriteHeldStatesAsync(CancellationToken cancellationToken)
    {
        List<SourceStateWrite> rest;
        lock (_lock)
        {
            (rest, _states) = (_states, []);
        }

        return rest.Count > 0 ? WriteAsync(rest, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The cycle's change: <paramref name="essayIds"/> and every changed essay, and all the new items.</summary>
    public CoverageChange Change(IEnumerable<string> essayIds)
    {
        lock (_lock)
        {
            return new CoverageChange([.. _essayIds.Union(essayIds, StringComparer.Ordinal)], [.. _added], AtCycleEnd: true);
        }
    }

    /// <summary>A failed write is logged, not thrown: those sources keep their older state and are fetched in full next time.</summary>
    private async Task WriteAsync(List<SourceStateWrite> batch, CancellationToken cancellationToken)
    {
        try
        {
            await states.SaveAllAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TableHandle.IsStorageFailure(ex))
        {
            Log.SourceStatesNotSaved(logger, batch.Count, TableHandle.FirstLine(ex));
        }
    }
}
