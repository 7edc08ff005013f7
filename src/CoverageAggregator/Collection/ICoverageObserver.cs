using CoverageAggregator.Coverage;

namespace CoverageAggregator.Collection;

/// <summary>What a source run stored: the essays whose coverage may have changed and the items that are new.</summary>
/// <param name="AtCycleEnd">
/// The whole change of a collection cycle, told once at its end: a cycle has already gathered its sources' changes, so
/// its pages are rendered at once rather than spaced like the changes single queue messages bring.
/// </param>
public sealed record CoverageChange(IReadOnlyList<string> EssayIds, IReadOnlyList<CoverageItem> Added, bool AtCycleEnd = false);

/// <summary>Told after a source run stored coverage (snapshots are rebuilt, alerts raised). Must not throw.</summary>
public interface ICoverageObserver
{
    Task CoverageChangedAsync(CoverageChange change, CancellationToken cancellationToken);

    /// <summary>Finishes work the observer deferred (coalesced rebuilds); called at the end of a cycle or a queue message.</summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
