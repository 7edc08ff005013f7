using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

public sealed class SourceStateStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("sources"));

    public Task<SourceState?> FindAsync(string sourceId, CancellationToken cancellationToken) =>
        _table.FindAsync<SourceState>(SourceState.Partition, sourceId, cancellationToken);

    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(state, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var states = new List<SourceState>();
        await foreach (var state in table.QueryAsync<SourceState>(TableClient.CreateQueryFilter($"PartitionKey eq {SourceState.Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            states.Add(state);
        }

        return states;
    }
}
