using System.Text.Json;
using Azure.Data.Tables;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Storage;

/// <summary>
/// Feed entries already met, per source, so a changed feed re-reads only its new items. Judged ones (coverage or not)
/// are kept in the source's state (<see cref="SeenSet"/>); a row here holds a pending one (<see cref="PendingEntry"/>),
/// which keeps what the feed said of it and is judged again when due, then its row is settled. A judged entry has a row
/// of its own only when it was pending, when it did not fit in the set, or when it was judged before the set existed.
/// </summary>
public sealed class SeenEntryStore(StorageClients storage)
{
    public const string PendingOutcome = "pending";

    /// <summary>The outcome of a judged entry moved from a full set to a row, its judgement not kept (only pending ones are asked apart).</summary>
    public const string JudgedOutcome = "judged";

    /// <summary>Azure caps a string property at 32K UTF-16 characters: a pending entry's content is cut below that.</summary>
    private const int MaxEntryJson = 30_000;

    private readonly TableHandle _table = new(storage.Table("seen"));

    /// <summary>
    /// The ids among <paramref name="entryIds"/> the source met before (judged or pending), and its pending entries' ids.
    /// Nothing is asked for a source never stored. Otherwise one query: for the pending rows alone when the state's set
    /// says what was judged (asked even when the state counts none pending, as a process killed mid-cycle may have left
    /// some), for the whole partition when it cannot say (a state from before the set, or a full set).
    /// </summary>
    public async Task<SeenEntries> FindSeenAsync(SourceState state, IEnumerable<string> entryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsStored)
        {
            return SeenEntries.None;
        }

        var set = SeenSet.Read(state.SeenEntries);
        var filter = state.SeenEntries is null || set.IsFull
            ? TableClient.CreateQueryFilter($"PartitionKey eq {state.RowKey}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {state.RowKey} and Outcome eq {PendingOutcome}");
        var rows = await _table.QueryAsync<SeenEntry>(filter, cancellationToken, ["RowKey", "Outcome"]).ConfigureAwait(false);
        var inRows = rows.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var pending = rows.Where(e => e.Outcome == PendingOutcome).Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var met = entryIds.Where(id => inRows.Contains(id) || set.Contains(id)).ToHashSet(StringComparer.Ordinal);
        return new(met, pending, set);
    }

    public Task MarkSeenAsync(string sourceId, IEnumerable<(string EntryId, string? Url, string Outcome)> entries, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.UpsertAllAsync(
            entries.Select(e => new SeenEntry { PartitionKey = sourceId, RowKey = e.EntryId, Url = Cut(e.Url), Outcome = e.Outcome, SeenAt = now }),
            cancellationToken);

    /// <summary>Keeps entries whose judgement could not finish, with their next try; a later MarkSeen settles them.</summary>
    public Task MarkPendingAsync(string sourceId, IEnumerable<PendingEntry> entries, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.UpsertAllAsync(
            entries.Select(e => new SeenEntry
            {
                PartitionKey = sourceId,
                RowKey = e.Entry.Id,
                Url = Cut(e.Entry.Link),
                Outcome = PendingOutcome,
                SeenAt = now,
                Tries = e.Tries,
                NextTryAt = e.NextTryAt,
                Reason = e.Reason.Length > 500 ? e.Reason[..500] : e.Reason,
                Entry = EntryJson(e.Entry),
            }),
            cancellationToken);

    /// <summary>Pending entries of a source whose next try has come, earliest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<PendingEntry>> DuePendingAsync(string sourceId, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var rows = await _table.QueryAsync<SeenEntry>(
            TableClient.CreateQueryFilter($"PartitionKey eq {sourceId} and Outcome eq {PendingOutcome} and NextTryAt le {now}"), cancellationToken).ConfigureAwait(false);
        return rows
            .Where(r => r.Entry is not null)
            .OrderBy(r => r.NextTryAt)
            .ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .Take(max)
            .Select(r => ToPending(r, now))
            .ToList();
    }

    /// <summary>The entry of a source if it is still pending; null once it is judged (or unknown).</summary>
    public async Task<PendingEntry?> FindPendingAsync(string sourceId, string entryId, CancellationToken cancellationToken) =>
        await _table.FindAsync<SeenEntry>(sourceId, entryId, cancellationToken).ConfigureAwait(false) is { Outcome: PendingOutcome, Entry: not null } row
            ? ToPending(row, row.SeenAt)
            : null;

    private static PendingEntry ToPending(SeenEntry row, DateTimeOffset notBefore) =>
        new(JsonSerializer.Deserialize<FeedEntry>(row.Entry!)!, row.Tries, row.NextTryAt ?? notBefore, row.Reason ?? "");

    /// <summary>How many entries of a source wait for another try.</summary>
    public async Task<int> CountPendingAsync(string sourceId, CancellationToken cancellationToken) =>
        (await _table.QueryAsync<SeenEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {sourceId} and Outcome eq {PendingOutcome}"), cancellationToken, ["RowKey"]).ConfigureAwait(false)).Count;

    /// <summary>What <see cref="FindSeenAsync"/> found: the ids met before, and the source's pending entries.</summary>
    /// <param name="Stored">The state's set as read (empty for a state without one).</param>
    public sealed record SeenEntries(IReadOnlySet<string> Ids, IReadOnlySet<string> Pending, SeenSet Stored)
    {
        /// <summary>Nothing met before.</summary>
        public static SeenEntries None => new(new HashSet<string>(), new HashSet<string>(), SeenSet.Empty); // a new one each time: a set can be added to
    }

    private static string EntryJson(FeedEntry entry)
    {
        var json = JsonSerializer.Serialize(entry);
        if (json.Length <= MaxEntryJson)
        {
            return json;
        }

        // The page is what will be read again; the feed's own text is cut to fit.
        var cut = entry with { ContentHtml = null, SummaryHtml = entry.SummaryHtml is { Length: > 4000 } summary ? summary[..4000] : entry.SummaryHtml };
        return JsonSerializer.Serialize(cut);
    }

    private static string? Cut(string? url) => url is { Length: > 2000 } ? url[..2000] : url;

    private sealed class SeenEntry : ITableRow<SeenEntry>
    {
        public string PartitionKey { get; init; } = "";
        public string RowKey { get; init; } = "";
        public string? Url { get; init; }
        public string Outcome { get; init; } = "";
        public DateTimeOffset SeenAt { get; init; }
        public int Tries { get; init; }
        public DateTimeOffset? NextTryAt { get; init; }
        public string? Reason { get; init; }

        /// <summary>A pending entry's feed data as JSON (<see cref="FeedEntry"/>).</summary>
        public string? Entry { get; init; }

        public TableEntity ToEntity() => new TableEntity(PartitionKey, RowKey)
            .With(nameof(Url), Url)
            .With(nameof(Outcome), Outcome)
            .With(nameof(SeenAt), SeenAt)
            .With(nameof(Tries), Tries)
            .With(nameof(NextTryAt), NextTryAt)
            .With(nameof(Reason), Reason)
            .With(nameof(Entry), Entry);

        public static SeenEntry FromEntity(TableEntity entity) => new()
        {
            PartitionKey = entity.PartitionKey,
            RowKey = entity.RowKey,
            Url = entity.GetString(nameof(Url)),
            Outcome = entity.GetString(nameof(Outcome)) ?? "",
            SeenAt = entity.GetDateTimeOffset(nameof(SeenAt)) ?? default,
            Tries = entity.GetInt32(nameof(Tries)) ?? 0,
            NextTryAt = entity.GetDateTimeOffset(nameof(NextTryAt)),
            Reason = entity.GetString(nameof(Reason)),
            Entry = entity.GetString(nameof(Entry)),
        };
    }
}
