using Azure;
using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>Feed entries already judged, per source, so a changed feed re-reads only its new items ("is new" is a point lookup).</summary>
public sealed class SeenEntryStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("seen"));

    /// <summary>The ids among <paramref name="entryIds"/> judged before: one partition query, not a lookup per entry.</summary>
    public async Task<IReadOnlySet<string>> FindSeenAsync(string sourceId, IEnumerable<string> entryIds, CancellationToken cancellationToken)
    {
        var wanted = entryIds.ToHashSet(StringComparer.Ordinal);
        var entries = await _table.QueryAsync<SeenEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {sourceId}"), cancellationToken, ["RowKey"]).ConfigureAwait(false);
        return entries.Select(e => e.RowKey).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }

    public Task MarkSeenAsync(string sourceId, IEnumerable<(string EntryId, string? Url, string Outcome)> entries, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.UpsertAllAsync(
            entries.Select(e => new SeenEntry { PartitionKey = sourceId, RowKey = e.EntryId, Url = Cut(e.Url), Outcome = e.Outcome, SeenAt = now }),
            cancellationToken);

    private static string? Cut(string? url) => url is { Length: > 2000 } ? url[..2000] : url;

    private sealed class SeenEntry : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string? Url { get; set; }
        public string Outcome { get; set; } = "";
        public DateTimeOffset SeenAt { get; set; }
    }
}
