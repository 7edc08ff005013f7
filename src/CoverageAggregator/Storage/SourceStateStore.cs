using Azure;
using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>
/// Source states. Queue workers and cycles may write the same row at once, so every write carries the ETag it read
/// (a new row is added only if nobody added it first); on 409/412 the row is read again and the write redone on it.
/// </summary>
public sealed class SourceStateStore(StorageClients storage)
{
    /// <summary>Tries of one write before the conflict is given up on (another writer kept winning).</summary>
    public const int MaxAttempts = 8;

    private readonly TableHandle _table = new(storage.Table("sources"));

    public Task<SourceState?> FindAsync(string sourceId, CancellationToken cancellationToken) =>
        _table.FindAsync<SourceState>(SourceState.Partition, sourceId, cancellationToken);

    public async Task SaveAsync(SourceStateWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var state = write.State;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _table.ExecuteAsync(table => WriteAsync(table, state, cancellationToken), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (IsRace(ex) && attempt < MaxAttempts)
            {
                state = write.Redo(await FindAsync(state.RowKey, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>
    /// Writes many states in transactions of up to 100 (one partition holds them all), each under its ETag. A
    /// transaction that meets another writer fails whole; its states are then written one by one, each redone on conflict.
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<SourceStateWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var chunk in writes.Chunk(TableHandle.MaxBatch))
        {
            var actions = chunk.Select(w => w.State.ETag == default
                ? new TableTransactionAction(TableTransactionActionType.Add, w.State.ToEntity())
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, w.State.ToEntity(), w.State.ETag)).ToList();
            try
            {
                var responses = await _table.ExecuteAsync(table => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
                foreach (var (write, response) in chunk.Zip(responses.Value))
                {
                    write.State.ETag = response.Headers.ETag ?? default;
                }
            }
            catch (RequestFailedException ex) when (IsRace(ex))
            {
                foreach (var write in chunk)
                {
                    await SaveAsync(write, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken) =>
        await _table.QueryAsync<SourceState>(TableClient.CreateQueryFilter($"PartitionKey eq {SourceState.Partition}"), cancellationToken).ConfigureAwait(false);

    private static async Task WriteAsync(TableClient table, SourceState state, CancellationToken cancellationToken)
    {
        var response = state.ETag == default
            ? await table.AddEntityAsync(state.ToEntity(), cancellationToken).ConfigureAwait(false)
            : await table.UpdateEntityAsync(state.ToEntity(), state.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        state.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>Another writer was first: it added the row (409), changed it (412), or it is gone (404 on an update).</summary>
    private static bool IsRace(RequestFailedException ex) => TableHandle.IsConflict(ex) || ex.Status == 404;
}
