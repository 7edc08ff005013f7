using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;

namespace CoverageAggregator.Storage;

/// <summary>
/// What the near-duplicate check needs of each stored article of an essay (its key, the keys of its other URLs, its text
/// signature): read from the table once and kept current with this process's own writes, so a new article is compared
/// in memory instead of scanning the partition for every article (which made collection quadratic in coverage size).
/// It is read again after <see cref="Lifetime"/>, so copies that other instances stored are seen within a minute.
/// </summary>
internal sealed class CopyIndex(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, EssayIndex> _essays = new(StringComparer.Ordinal);

    /// <summary>The row key of a stored article that is the same story as <paramref name="item"/>, or null.</summary>
    public async Task<string?> FindCopyKeyAsync(TableClient table, CoverageItem item, CancellationToken cancellationToken) =>
        (await CurrentAsync(table, item.EssayId, cancellationToken).ConfigureAwait(false)).Find(item);

    /// <summary>
    /// Whether an article is stored under <paramref name="key"/> as far as this process knows: what it read of the table
    /// within <see cref="Lifetime"/>, and its own writes since. Another instance may have stored it meanwhile.
    /// </summary>
    public async Task<bool> MayHoldAsync(TableClient table, string essayId, string key, CancellationToken cancellationToken) =>
        (await CurrentAsync(table, essayId, cancellationToken).ConfigureAwait(false)).Holds(key);

    public void Remember(CoverageItem item)
    {
        if (item.Kind == CoverageKinds.Article && _essays.TryGetValue(item.EssayId, out var index))
        {
            index.Set(item.Key, new Entry(item.AlsoAt, item.TextSignature, Credit.Of(item)));
        }
    }

    public void Forget(string essayId, string rowKey)
    {
        if (_essays.TryGetValue(essayId, out var index))
        {
            index.Remove(rowKey);
        }
    }

    /// <summary>The essay's index, read again when older than <see cref="Lifetime"/>.</summary>
    private async Task<EssayIndex> CurrentAsync(TableClient table, string essayId, CancellationToken cancellationToken)
    {
        var index = _essays.GetOrAdd(essayId, _ => new EssayIndex());
        await index.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (index.LoadedAt is not { } loaded || time.GetUtcNow() - loaded > Lifetime)
            {
                await LoadAsync(table, essayId, index, cancellationToken).ConfigureAwait(false);
            }

            return index;
        }
        finally
        {
            index.Gate.Release();
        }
    }

    private async Task LoadAsync(TableClient table, string essayId, EssayIndex index, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {essayId} and Kind eq {CoverageKinds.Article}");
        var entries = new List<(string, Entry)>();
        var select = new[] { nameof(ItemEntity.RowKey), nameof(ItemEntity.AlsoAt), nameof(ItemEntity.TextSignature), nameof(ItemEntity.Url), nameof(ItemEntity.Author), nameof(ItemEntity.Title) };
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var entity = ItemEntity.FromEntity(row);
            var alsoAt = string.IsNullOrEmpty(entity.AlsoAt) ? [] : JsonSerializer.Deserialize<List<string>>(entity.AlsoAt) ?? [];
            entries.Add((entity.RowKey, new Entry(alsoAt, entity.TextSignature, new Credit(entity.Url, entity.Author, entity.Title))));
        }

        index.Replace(entries, time.GetUtcNow());
    }

    /// <summary>What is read of a stored article: its other URLs, its text signature, its credit (URL, byline, headline).</summary>
    private sealed record Entry(IReadOnlyList<string> AlsoAt, string? Signature, Credit Credit);

    private sealed class EssayIndex
    {
        private readonly Dictionary<string, (HashSet<string> AlsoAtKeys, TextSignature? Signature, Credit Credit)> _entries = new(StringComparer.Ordinal);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LoadedAt { get; private set; }

        public void Replace(IEnumerable<(string RowKey, Entry Entry)> entries, DateTimeOffset now)
        {
            lock (_entries)
            {
                _entries.Clear();
                foreach (var (rowKey, entry) in entries)
                {
                    _entries[rowKey] = Read(entry);
                }

                LoadedAt = now;
            }
        }

        public void Set(string rowKey, Entry entry)
        {
            lock (_entries)
            {
                _entries[rowKey] = Read(entry);
            }
        }

        private static (HashSet<string>, TextSignature?, Credit) Read(Entry entry) =>
            (entry.AlsoAt.Select(CoverageItem.KeyFor).ToHashSet(StringComparer.Ordinal), TextSignature.Parse(entry.Signature), entry.Credit);

        public bool Holds(string rowKey)
        {
            lock (_entries)
            {
                return _entries.ContainsKey(rowKey);
            }
        }

        public void Remove(string rowKey)
        {
            lock (_entries)
            {
                _entries.Remove(rowKey);
            }
        }

        /// <summary>
        /// Named in each other's "also at" first; else the same text by signature with the same credit (<see cref="NearDuplicates.SameCredit"/>).
        /// Of several such stored articles the one whose key sorts first is taken, so the answer does not depend on the dictionary's order.
        /// </summary>
        public string? Find(CoverageItem item)
        {
            var key = item.Key;
            var alsoAtKeys = item.AlsoAt.Select(CoverageItem.KeyFor).ToHashSet(StringComparer.Ordinal);
            var signature = TextSignature.Parse(item.TextSignature);
            var credit = Credit.Of(item);
            string? sameText = null;
            lock (_entries)
            {
                foreach (var (rowKey, entry) in _entries)
                {
                    if (rowKey != key && (alsoAtKeys.Contains(rowKey) || entry.AlsoAtKeys.Contains(key)))
                    {
                        return rowKey;
                    }

                    if ((sameText is null || string.CompareOrdinal(rowKey, sameText) < 0) && rowKey != key && signature is not null && entry.Signature is not null
                        && NearDuplicates.AreSameStory(entry.Signature, signature)
                        && NearDuplicates.SameCredit(entry.Credit, credit))
                    {
                        sameText = rowKey;
                    }
                }
            }

            return sameText;
        }
    }
}
