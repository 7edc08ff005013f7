using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

public sealed class SourceStateStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("sources"));

    public Task<SourceState?> FindAsync(string sourceId, CancellationToken cancellationToken) =>
        _table.FindAsync<SourceState>(SourceState.Partition, sourceId, cancellationToken);

    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        await _table.ExecuteAsync(table => table.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes many states in transactions of up to 100 (one partition holds them all).</summary>
    public Task SaveAllAsync(IEnumerable<SourceState> states, CancellationToken cancellationToken) =>
        _table.UpsertAllAsync(states, cancellationToken);

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken) =>
        await _table.QueryAsync<SourceState>(TableClient.CreateQueryFilter($"PartitionKey eq {SourceState.Partition}"), cancellationToken).ConfigureAwait(false);
}
