using Azure;
using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>A table that is created on first use, once per process.</summary>
public sealed class TableHandle(TableClient client)
{
    private readonly Lazy<Task> _created = new(() => client.CreateIfNotExistsAsync());

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _created.Value.ConfigureAwait(false);
        return client;
    }

    /// <summary>A point read that answers null for a missing entity.</summary>
    public async Task<T?> FindAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var table = await GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Writes in batches of at most 100 entities of one partition, the limit Azure enforces.</summary>
    public async Task UpsertAllAsync<T>(IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var table = await GetAsync(cancellationToken).ConfigureAwait(false);
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;
}
