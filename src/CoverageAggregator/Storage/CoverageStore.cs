using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Storage;

/// <summary>Coverage items in Azure Tables. Writes are idempotent merges keyed by URL identity, guarded by ETags so two
/// collectors at once never lose each other's URLs.</summary>
public sealed class CoverageStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("items"));

    /// <summary>Adds the item or merges it into the stored one; answers true when the item was new.</summary>
    public async Task<bool> UpsertAsync(CoverageItem item, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await _table.FindAsync<ItemEntity>(item.EssayId, item.Key, cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing is null)
                {
                    await _table.ExecuteAsync(table => table.AddEntityAsync(ItemEntity.From(item), cancellationToken), cancellationToken).ConfigureAwait(false);
                    return true;
                }

                var merged = existing.ToItem().MergeWith(item);
                if (merged == existing.ToItem() || Same(merged, existing.ToItem()))
                {
                    return false;
                }

                await _table.ExecuteAsync(table => table.UpdateEntityAsync(ItemEntity.From(merged), existing.ETag, TableUpdateMode.Replace, cancellationToken), cancellationToken).ConfigureAwait(false);
                return false;
            }
            catch (RequestFailedException ex) when (TableHandle.IsConflict(ex) && attempt < 5)
            {
                // Another collector wrote the same item in between: read it again and merge.
            }
        }
    }

    public async Task<IReadOnlyList<CoverageItem>> ListAsync(string essayId, CancellationToken cancellationToken) =>
        (await _table.QueryAsync<ItemEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {essayId}"), cancellationToken).ConfigureAwait(false))
            .Select(e => e.ToItem())
            .ToList();

    private static bool Same(CoverageItem a, CoverageItem b) =>
        a.AlsoAt.SequenceEqual(b.AlsoAt) && a.Quotes.SequenceEqual(b.Quotes) && a.SourceIds.SequenceEqual(b.SourceIds)
        && a with { AlsoAt = [], Quotes = [], SourceIds = [] } == b with { AlsoAt = [], Quotes = [], SourceIds = [] };
}
