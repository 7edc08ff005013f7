using Azure;
using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>
/// Which pending feed entries an essay's page lists as waiting to be resolved: one row per essay (PartitionKey) and
/// entry, naming the entry's source and id. The entry itself, its tries and its next try stay in
/// <see cref="SeenEntryStore"/>; a row whose entry is settled is forgotten when the page is next built.
/// </summary>
public sealed class WaitingEntryStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("waiting"));

    public Task AddAsync(string essayId, IEnumerable<(string SourceId, string EntryId)> entries, CancellationToken cancellationToken) =>
        _table.UpsertAllAsync(
            entries.Select(e => new WaitingRow { PartitionKey = essayId, RowKey = RowKeyOf(e.SourceId, e.EntryId), SourceId = e.SourceId, EntryId = e.EntryId }),
            cancellationToken);

    public async Task<IReadOnlyList<(string SourceId, string EntryId)>> ListAsync(string essayId, CancellationToken cancellationToken) =>
        (await _table.QueryAsync<WaitingRow>(TableClient.CreateQueryFilter($"PartitionKey eq {essayId}"), cancellationToken).ConfigureAwait(false))
            .Select(r => (r.SourceId, r.EntryId))
            .ToList();

    public Task ForgetAsync(string essayId, string sourceId, string entryId, CancellationToken cancellationToken) =>
        _table.ExecuteAsync(table => table.DeleteEntityAsync(essayId, RowKeyOf(sourceId, entryId), ETag.All, cancellationToken), cancellationToken);

    private static string RowKeyOf(string sourceId, string entryId) => Feeds.EntryIdentity.Hash(sourceId + "\n" + entryId);

    private sealed class WaitingRow : ITableRow<WaitingRow>
    {
        public string PartitionKey { get; init; } = "";
        public string RowKey { get; init; } = "";
        public string SourceId { get; init; } = "";
        public string EntryId { get; init; } = "";

        public TableEntity ToEntity() => new TableEntity(PartitionKey, RowKey).With(nameof(SourceId), SourceId).With(nameof(EntryId), EntryId);

        public static WaitingRow FromEntity(TableEntity entity) => new()
        {
            PartitionKey = entity.PartitionKey,
            RowKey = entity.RowKey,
            SourceId = entity.GetString(nameof(SourceId)) ?? "",
            EntryId = entity.GetString(nameof(EntryId)) ?? "",
        };
    }
}
