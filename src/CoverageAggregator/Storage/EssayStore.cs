using System.Text.Json;
using Azure.Data.Tables;
using CoverageAggregator.Configuration;

namespace CoverageAggregator.Storage;

/// <summary>The tracked essays as last collected, so exports and pages work without the sources file at hand.</summary>
public sealed class EssayStore(StorageClients storage)
{
    private const string Partition = "essay";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableHandle _table = new(storage.Table("essays"));

    public Task SaveAsync(IEnumerable<EssayConfig> essays, CancellationToken cancellationToken) =>
        _table.UpsertAllAsync(essays.Select(e => new EssayEntity { RowKey = e.Id, Json = JsonSerializer.Serialize(e, Json) }), cancellationToken);

    public async Task<IReadOnlyList<EssayConfig>> ListAsync(CancellationToken cancellationToken) =>
        (await _table.QueryAsync<EssayEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken).ConfigureAwait(false))
            .Select(e => JsonSerializer.Deserialize<EssayConfig>(e.Json, Json))
            .OfType<EssayConfig>()
            .ToList();

    private sealed class EssayEntity : ITableRow<EssayEntity>
    {
        public string RowKey { get; init; } = "";
        public string Json { get; init; } = "{}";

        public TableEntity ToEntity() => new TableEntity(Partition, RowKey).With(nameof(Json), Json);

        public static EssayEntity FromEntity(TableEntity entity) => new() { RowKey = entity.RowKey, Json = entity.GetString(nameof(Json)) ?? "{}" };
    }
}
