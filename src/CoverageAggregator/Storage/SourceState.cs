using Azure;
using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>Per source: where it lives now, its validators for conditional GET, and its health.</summary>
public sealed class SourceState : ITableRow<SourceState>
{
    public const string Partition = "source";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>
    /// False for a state that has never been written: the source was never collected, so nothing of it was stored (no
    /// entry seen, none pending) unless a process died between storing those and its state; then the source's entries
    /// are only judged once more (every write is idempotent) and what was pending is found again the next time the
    /// feed is read. Not a column: derived from the ETag.
    /// </summary>
    public bool IsStored => ETag != default;

    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary>The configured URL; <see cref="CurrentUrl"/> differs once a permanent redirect moved it.</summary>
    public string ConfiguredUrl { get; set; } = "";
    public string CurrentUrl { get; set; } = "";
    public string? HttpETag { get; set; }
    public string? HttpLastModified { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public string? LastError { get; set; }
    public string? LastWarning { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>Set from a 429/503 Retry-After: no request to this source before then, not even a manual run.</summary>
    public DateTimeOffset? RetryNotBefore { get; set; }
    public bool Disabled { get; set; }
    public int LastItemCount { get; set; }
    public int LastCoverageCount { get; set; }

    /// <summary>Posts the last run read from a metered API (X bills each one): what a run costs. Null for free sources.</summary>
    public int? LastPostsRead { get; set; }

    /// <summary>Feed entries waiting for another try (their page did not answer, a Google News link not decoded yet, the page budget spent).</summary>
    public int? PendingEntries { get; set; }

    /// <summary>
    /// The judged entries of the feed's latest body (<see cref="SeenSet"/>); null before the first body read under this
    /// rule, when rows of <see cref="SeenEntryStore"/> said what was judged, and are read instead.
    /// </summary>
    public byte[]? SeenEntries { get; set; }

    /// <summary>Where a social source resumes, as its collector writes it (X: the newest post id per query, for since_id).</summary>
    public string? Cursor { get; set; }

    public TableEntity ToEntity() => new TableEntity(PartitionKey, RowKey) { ETag = ETag }
        .With(nameof(Name), Name)
        .With(nameof(Kind), Kind)
        .With(nameof(ConfiguredUrl), ConfiguredUrl)
        .With(nameof(CurrentUrl), CurrentUrl)
        .With(nameof(HttpETag), HttpETag)
        .With(nameof(HttpLastModified), HttpLastModified)
        .With(nameof(LastAttemptAt), LastAttemptAt)
        .With(nameof(LastSuccessAt), LastSuccessAt)
        .With(nameof(LastErrorAt), LastErrorAt)
        .With(nameof(LastError), LastError)
        .With(nameof(LastWarning), LastWarning)
        .With(nameof(ConsecutiveFailures), ConsecutiveFailures)
        .With(nameof(NextDueAt), NextDueAt)
        .With(nameof(RetryNotBefore), RetryNotBefore)
        .With(nameof(Disabled), Disabled)
        .With(nameof(LastItemCount), LastItemCount)
        .With(nameof(LastCoverageCount), LastCoverageCount)
        .With(nameof(LastPostsRead), LastPostsRead)
        .With(nameof(PendingEntries), PendingEntries)
        .With(nameof(SeenEntries), SeenEntries)
        .With(nameof(Cursor), Cursor);

    public static SourceState FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new()
        {
            PartitionKey = entity.PartitionKey,
            RowKey = entity.RowKey,
            Timestamp = entity.Timestamp,
            ETag = entity.ETag,
            Name = entity.GetString(nameof(Name)) ?? "",
            Kind = entity.GetString(nameof(Kind)) ?? "",
            ConfiguredUrl = entity.GetString(nameof(ConfiguredUrl)) ?? "",
            CurrentUrl = entity.GetString(nameof(CurrentUrl)) ?? "",
            HttpETag = entity.GetString(nameof(HttpETag)),
            HttpLastModified = entity.GetString(nameof(HttpLastModified)),
            LastAttemptAt = entity.GetDateTimeOffset(nameof(LastAttemptAt)),
            LastSuccessAt = entity.GetDateTimeOffset(nameof(LastSuccessAt)),
            LastErrorAt = entity.GetDateTimeOffset(nameof(LastErrorAt)),
            LastError = entity.GetString(nameof(LastError)),
            LastWarning = entity.GetString(nameof(LastWarning)),
            ConsecutiveFailures = entity.GetInt32(nameof(ConsecutiveFailures)) ?? 0,
            NextDueAt = entity.GetDateTimeOffset(nameof(NextDueAt)),
            RetryNotBefore = entity.GetDateTimeOffset(nameof(RetryNotBefore)),
            Disabled = entity.GetBoolean(nameof(Disabled)) ?? false,
            LastItemCount = entity.GetInt32(nameof(LastItemCount)) ?? 0,
            LastCoverageCount = entity.GetInt32(nameof(LastCoverageCount)) ?? 0,
            LastPostsRead = entity.GetInt32(nameof(LastPostsRead)),
            PendingEntries = entity.GetInt32(nameof(PendingEntries)),
            SeenEntries = entity.GetBinary(nameof(SeenEntries)),
            Cursor = entity.GetString(nameof(Cursor)),
        };
    }
}
