using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Configuration;

/// <summary>Essays added (with their settings) or removed (by id) through the admin endpoints, in table prefix+adminessays.</summary>
public sealed class AdminEssayStore(StorageClients storage) : IEssayOverlay
{
    private const string Partition = "essay";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableHandle _table = new(storage.Table("adminessays"));

    public async Task AddAsync(EssayConfig essay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(essay);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition, Key(essay.Id)) { ["Json"] = JsonSerializer.Serialize(essay, Json), ["Removed"] = false }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string essayId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition, Key(essayId)) { ["Removed"] = true }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EssayConfig>> ApplyAsync(IReadOnlyList<EssayConfig> essays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(essays);
        var result = essays.ToDictionary(e => Key(e.Id), StringComparer.Ordinal);
        try
        {
            foreach (var row in await _table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken).ConfigureAwait(false))
            {
                if (row.GetBoolean("Removed") == true)
                {
                    result.Remove(row.RowKey);
                }
                else if (row.GetString("Json") is { } json && JsonSerializer.Deserialize<EssayConfig>(json, Json) is { } essay)
                {
                    result[row.RowKey] = essay;
                }
            }
        }
        catch (Exception ex) when (TableHandle.IsStorageFailure(ex))
        {
            return essays; // storage down (an error answer, or retries spent on a refused connection): the sources file alone
        }

        return essays.Where(e => result.ContainsKey(Key(e.Id))).Select(e => result[Key(e.Id)])
            .Concat(result.Values.Where(e => !essays.Any(x => Key(x.Id) == Key(e.Id))))
            .ToList();
    }

    private static string Key(string essayId) => essayId.ToLowerInvariant();
}
