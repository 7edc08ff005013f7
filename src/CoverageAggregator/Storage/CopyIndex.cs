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
    public async Task<string?> FindCopyKeyAsync(TableClient table, CoverageItem item, CancellationToken cancellationToken)
    {
        var index = _essays.GetOrAdd(item.EssayId, _ => new EssayIndex());
        await index.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (index.LoadedAt is not { } loaded || time.GetUtcNow() - loaded > Lifetime)
            {
                await LoadAsync(table, item.EssayId, index, cancellationToken).ConfigureAwait(false);
            }

            return index.Find(item);
        }
        finally
        {
            index.Gate.Release();
        }
    }

    public void Remember(CoverageItem item)
    {
        if (item.Kind == CoverageKinds.Article && _essays.TryGetValue(item.EssayId, out var index))
        {
            index.Set(item.Key, item.AlsoAt, item.TextSignature);
        }
    }

    public void Forget(string essayId, string rowKey)
    {
        if (_essays.TryGetValue(essayId, out var index))
        {
            index.Remove(rowKey);
        }
    }

    private async Task LoadAsync(TableClient table, string essayId, EssayIndex index, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {essayId} and Kind eq {CoverageKinds.Article}");
        var entries = new List<(string, IReadOnlyList<string>, string?)>();
        var select = new[] { nameof(ItemEntity.RowKey), nameof(ItemEntity.AlsoAt), nameof(ItemEntity.TextSignature) };
        await foreach (var entity in table.QueryAsync<ItemEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var alsoAt = string.IsNullOrEmpty(entity.AlsoAt) ? [] : JsonSerializer.Deserialize<List<string>>(entity.AlsoAt) ?? [];
            entries.Add((entity.RowKey, alsoAt, entity.TextSignature));
        }

        index.Replace(entries, time.GetUtcNow());
    }

    private sealed class EssayIndex
    {
        private readonly Dictionary<string, (HashSet<string> AlsoAtKeys, TextSignature? Signature)> _entries = new(StringComparer.Ordinal);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LoadedAt { get; private set; }

        public void Replace(IEnumerable<(string RowKey, IReadOnlyList<string> AlsoAt, string? Signature)> entries, DateTimeOffset now)
        {
            lock (_entries)
            {
                _entries.Clear();
                foreach (var (rowKey, alsoAt, signature) in entries)
                {
                    _entries[rowKey] = (alsoAt.Select(CoverageItem.KeyFor).ToHashSet(StringComparer.Ordinal), TextSignature.Parse(signature));
                }

                LoadedAt = now;
            }
        }

        public void Set(string rowKey, IReadOnlyList<string> alsoAt, string? signature)
        {
            lock (_entries)
            {
                _entries[rowKey] = (alsoAt.Select(CoverageItem.KeyFor).ToHashSet(StringComparer.Ordinal), TextSignature.Parse(signature));
            }
        }

        public void Remove(string rowKey)
        {
            lock (_entries)
            {
                _entries.Remove(rowKey);
            }
        }

        /// <summary>Named in each other's "also at" first; else the same text by signature.</summary>
        public string? Find(CoverageItem item)
        {
            var key = item.Key;
            var alsoAtKeys = item.AlsoAt.Select(CoverageItem.KeyFor).ToHashSet(StringComparer.Ordinal);
            var signature = TextSignature.Parse(item.TextSignature);
            string? sameText = null;
            lock (_entries)
            {
                foreach (var (rowKey, entry) in _entries)
                {
                    if (rowKey != key && (alsoAtKeys.Contains(rowKey) || entry.AlsoAtKeys.Contains(key)))
                    {
                        return rowKey;
                    }

                    if (sameText is null && rowKey != key && signature is not null && entry.Signature is not null
                        && NearDuplicates.AreSameStory(entry.Signature, signature))
                    {
                        sameText = rowKey;
                    }
                }
            }

            return sameText;
        }
    }
}
