using Azure;
using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>
/// A table that exists until storage says otherwise. <see cref="ExecuteAsync{T}"/> sends an operation straight away and
/// creates the table only when storage answers that it is missing (never created, deleted, or an emulator restarted
/// without its last writes), then tries the operation once more: a process that starts against tables that exist asks
/// for no creation (a round trip and a conflict per table, before its first use). <see cref="GetAsync"/> creates it
/// first, once per process; a failed creation (storage down) is tried again next time.
/// </summary>
public sealed class TableHandle(TableClient client)
{
    private readonly CreatedOnFirstUse _created = new(token => client.CreateIfNotExistsAsync(token));

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Runs an operation on the table; when the table is missing, it is created and the operation tried once more.</summary>
    public async Task<T> ExecuteAsync<T>(Func<TableClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation(client).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsTableMissing(ex))
        {
            _created.Forget();
            var table = await GetAsync(cancellationToken).ConfigureAwait(false);
            return await operation(table).ConfigureAwait(false);
        }
    }

    public Task ExecuteAsync(Func<TableClient, Task> operation, CancellationToken cancellationToken) =>
        ExecuteAsync<bool>(async table =>
        {
            await operation(table).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>A point read that answers null for a missing entity.</summary>
    public async Task<TableEntity?> FindAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(table => table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>A point read of a row type; null for a missing entity.</summary>
    public async Task<T?> FindAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableRow<T> =>
        await FindAsync(partitionKey, rowKey, cancellationToken).ConfigureAwait(false) is { } entity ? T.FromEntity(entity) : null;

    /// <summary>The most entities one Table Storage transaction takes (all of one partition).</summary>
    public const int MaxBatch = 100;

    /// <summary>Writes in batches of at most <see cref="MaxBatch"/> entities of one partition, the limit Azure enforces.</summary>
    public Task UpsertAllAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class, ITableRow<T> =>
        UpsertAllAsync(rows.Select(r => r.ToEntity()), cancellationToken);

    /// <inheritdoc cref="UpsertAllAsync{T}(IEnumerable{T}, CancellationToken)"/>
    public async Task UpsertAllAsync(IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
                await ExecuteAsync(table => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every entity of a partition (or matching a filter), read in pages.</summary>
    public Task<List<TableEntity>> QueryAsync(string filter, CancellationToken cancellationToken, IEnumerable<string>? select = null) =>
        ExecuteAsync(async table =>
        {
            var results = new List<TableEntity>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                results.Add(entity);
            }

            return results;
        }, cancellationToken);

    /// <summary>Every row of a partition (or matching a filter), read in pages.</summary>
    public async Task<List<T>> QueryAsync<T>(string filter, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableRow<T> =>
        (await QueryAsync(filter, cancellationToken, select).ConfigureAwait(false)).ConvertAll(T.FromEntity);

    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;

    /// <summary>Storage's answer to an operation on a table that does not exist (a transaction's too).</summary>
    public static bool IsTableMissing(RequestFailedException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Status == 404 && ex.ErrorCode == "TableNotFound";
    }

    /// <summary>The first line of a failure's message: the Azure SDK appends status, headers and content below it.</summary>
    public static string FirstLine(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Message.Split('\n', 2)[0].Trim();
    }

    /// <summary>Storage failures as the Azure SDK reports them: a failed request, or retries exhausted on transport errors.</summary>
    public static bool IsStorageFailure(Exception ex) =>
        ex is RequestFailedException || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsStorageFailure));
}
