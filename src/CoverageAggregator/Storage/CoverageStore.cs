using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Storage;

/// <summary>Coverage items in Azure Tables. Writes are idempotent merges keyed by URL identity, guarded by ETags so two
/// collectors at once never lose each other's URLs. A new item that is a near-duplicate of a stored one (same text by
/// MinHash, or named in its "also at") merges into it, under the URL of the original (<see cref="NearDuplicates"/>).
/// An item whose URL is a Google News link is never stored.</summary>
public sealed class CoverageStore(StorageClients storage, TimeProvider? time = null)
{
    private readonly TableHandle _table = new(storage.Table("items"));
    private readonly CopyIndex _copies = new(time ?? TimeProvider.System);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _newArticles = new(StringComparer.Ordinal);

    /// <summary>Adds the item or merges it into the stored one; answers true when the item was new.</summary>
    public async Task<bool> UpsertAsync(CoverageItem item, CancellationToken cancellationToken)
    {
        if (GoogleNewsLinks.IsGoogleNews(item.Url))
        {
            return false;
        }

        item = item with { AlsoAt = item.AlsoAt.Where(u => !GoogleNewsLinks.IsGoogleNews(u)).ToList() };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var readFirst = attempt > 0;
                return await _table.ExecuteAsync(table => UpsertOnceAsync(table, item, readFirst, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (TableHandle.IsConflict(ex) && attempt < 5)
            {
                // Another collector wrote the same item in between: read it again and merge.
            }
        }
    }

    /// <param name="readFirst">Read the stored item even when the copy index says there is none (after a conflict).</param>
    private async Task<bool> UpsertOnceAsync(TableClient table, CoverageItem item, bool readFirst, CancellationToken cancellationToken)
    {
        // An article the copy index does not hold is new as far as this process knows: it is added without reading it
        // first. Stored by another instance meanwhile, the add conflicts, and the caller reads it and merges.
        if (item.Kind == CoverageKinds.Article && !readFirst
            && !await _copies.MayHoldAsync(table, item.EssayId, item.Key, cancellationToken).ConfigureAwait(false))
        {
            return await AddArticleAsync(table, item, cancellationToken).ConfigureAwait(false);
        }

        if (await FindAsync(table, item.EssayId, item.Key, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            // Only articles are syndicated or republished; posts keep their own identity (and skip the copy search).
            return item.Kind == CoverageKinds.Article
                ? await AddArticleAsync(table, item, cancellationToken).ConfigureAwait(false)
                : await AddAsync(table, item, cancellationToken).ConfigureAwait(false);
        }

        var stored = existing.ToItem();
        var merged = stored.MergeWith(item);
        if (Same(merged, stored))
        {
            return false;
        }

        await table.UpdateEntityAsync(ItemEntity.From(merged).ToEntity(), existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _copies.Remember(merged);
        return false;
    }

    /// <summary>
    /// A new article: merged into a stored copy of it, else added. One essay's new articles are taken one at a time in
    /// this process, so two copies stored at once still find each other (the result does not depend on concurrency).
    /// </summary>
    private async Task<bool> AddArticleAsync(TableClient table, CoverageItem item, CancellationToken cancellationToken)
    {
        var gate = _newArticles.GetOrAdd(item.EssayId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await FindCopyAsync(table, item, cancellationToken).ConfigureAwait(false) is { } copy)
            {
                await MergeCopyAsync(table, copy, item, cancellationToken).ConfigureAwait(false);
                return false;
            }

            return await AddAsync(table, item, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> AddAsync(TableClient table, CoverageItem item, CancellationToken cancellationToken)
    {
        await table.AddEntityAsync(ItemEntity.From(item).ToEntity(), cancellationToken).ConfigureAwait(false);
        _copies.Remember(item);
        return true;
    }

    public async Task<IReadOnlyList<CoverageItem>> ListAsync(string essayId, CancellationToken cancellationToken) =>
        (await _table.QueryAsync<ItemEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {essayId}"), cancellationToken).ConfigureAwait(false))
            .Select(e => e.ToItem())
            .ToList();

    /// <summary>A stored item of the same essay that is the same story: named in each other's "also at", or the same text.</summary>
    private async Task<ItemEntity?> FindCopyAsync(TableClient table, CoverageItem item, CancellationToken cancellationToken)
    {
        var rowKey = await _copies.FindCopyKeyAsync(table, item, cancellationToken).ConfigureAwait(false);
        if (rowKey is null)
        {
            return null;
        }

        var stored = await FindAsync(table, item.EssayId, rowKey, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _copies.Forget(item.EssayId, rowKey); // removed by another instance since the index was read
        }

        return stored;
    }

    /// <summary>The stored item under a key; null when there is none.</summary>
    private static async Task<ItemEntity?> FindAsync(TableClient table, string essayId, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(essayId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } row ? ItemEntity.FromEntity(row) : null;
    }

    /// <summary>
    /// Merges a copy into the stored story; when the copy is the original, the story moves to the copy's key, adding the
    /// one row and deleting the other in one transaction. A conflict (another writer got there first) is retried by the caller.
    /// </summary>
    private async Task MergeCopyAsync(TableClient table, ItemEntity stored, CoverageItem copy, CancellationToken cancellationToken)
    {
        var storedItem = stored.ToItem();
        var merged = NearDuplicates.Merge(storedItem, copy);
        if (merged.Key == stored.RowKey)
        {
            if (!Same(merged, storedItem))
            {
                await table.UpdateEntityAsync(ItemEntity.From(merged).ToEntity(), stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                _copies.Remember(merged);
            }

            return;
        }

        // One transaction (both rows are in the essay's partition): a crash never leaves the story under both keys.
        await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ItemEntity.From(merged).ToEntity()),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(stored.PartitionKey, stored.RowKey), stored.ETag),
            ],
            cancellationToken).ConfigureAwait(false);
        _copies.Remember(merged);
        _copies.Forget(stored.PartitionKey, stored.RowKey);
    }

    private static bool Same(CoverageItem a, CoverageItem b) =>
        a.AlsoAt.SequenceEqual(b.AlsoAt) && a.Quotes.SequenceEqual(b.Quotes) && a.SourceIds.SequenceEqual(b.SourceIds) && a.Via.SequenceEqual(b.Via)
        && a with { AlsoAt = [], Quotes = [], SourceIds = [], Via = [] } == b with { AlsoAt = [], Quotes = [], SourceIds = [], Via = [] };
}
