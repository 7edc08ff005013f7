namespace CoverageAggregator.Storage;

/// <summary>
/// A storage resource (table, queue, blob container) created on first use, once per process. A failed creation is
/// never remembered: the next use tries again, so a storage blip at cold start does not break the resource until a
/// restart. Each try backs off on its own (the Azure SDK's exponential retries); callers share one try at a time, and
/// one caller giving up (its cancellation) does not cancel the others.
/// </summary>
public sealed class CreatedOnFirstUse(Func<CancellationToken, Task> create)
{
    private Task? _created;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var created = Volatile.Read(ref _created);
        if (created is null)
        {
            var started = create(CancellationToken.None);
            created = Interlocked.CompareExchange(ref _created, started, null) ?? started;
        }

        try
        {
            await created.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (created.IsFaulted || created.IsCanceled)
        {
            _ = Interlocked.CompareExchange(ref _created, null, created);
            throw;
        }
    }

    /// <summary>Creates it again on next use (it vanished: deleted, or an emulator restarted without its last writes).</summary>
    public void Forget() => Volatile.Write(ref _created, null);
}
