using CoverageAggregator.Coverage;

namespace CoverageAggregator.Collection;

/// <summary>What a source run stored: the essays whose coverage may have changed and the items that are new.</summary>
public sealed record CoverageChange(IReadOnlyList<string> EssayIds, IReadOnlyList<CoverageItem> Added);

/// <summary>Told after a source run stored coverage (snapshots are rebuilt, alerts raised). Must not throw.</summary>
public interface ICoverageObserver
{
    Task CoverageChangedAsync(CoverageChange change, CancellationToken cancellationToken);

    /// <summary>Finishes work the observer deferred (coalesced rebuilds); called at the end of a cycle or a queue message.</summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
