using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Digest;

/// <summary>Built digests, one row per essay and local date (PartitionKey essay id, RowKey yyyy-MM-dd).</summary>
public sealed class DigestStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("digests"));

    public Task<DigestEntry?> FindAsync(string essayId, string date, CancellationToken cancellationToken) =>
        _table.FindAsync<DigestEntry>(essayId, date, cancellationToken);

    /// <summary>The latest digest of the essay, or null before the first.</summary>
    public async Task<DigestEntry?> LastAsync(string essayId, CancellationToken cancellationToken)
    {
        var rows = await _table.QueryAsync<DigestEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {essayId}"), cancellationToken).ConfigureAwait(false);
        return rows.MaxBy(row => row.RowKey, StringComparer.Ordinal);
    }

    /// <summary>Adds the digest; answers false when another run stored it first.</summary>
    public async Task<bool> AddAsync(DigestEntry entry, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(entry.ToEntity(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}

public sealed class DigestEntry : ITableRow<DigestEntry>
{
    public string PartitionKey { get; set; } = "";

    /// <summary>The local date of the digest, yyyy-MM-dd.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset Since { get; set; }
    public DateTimeOffset Until { get; set; }
    public int ItemCount { get; set; }

    /// <summary>Nothing was new and the setting says skip: stored, not sent.</summary>
    public bool Skipped { get; set; }
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";

    public TableEntity ToEntity() => new TableEntity(PartitionKey, RowKey) { ETag = ETag }
        .With(nameof(Since), Since)
        .With(nameof(Until), Until)
        .With(nameof(ItemCount), ItemCount)
        .With(nameof(Skipped), Skipped)
        .With(nameof(Subject), Subject)
        .With(nameof(Html), Html)
        .With(nameof(Text), Text);

    public static DigestEntry FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new()
        {
            PartitionKey = entity.PartitionKey,
            RowKey = entity.RowKey,
            Timestamp = entity.Timestamp,
            ETag = entity.ETag,
            Since = entity.GetDateTimeOffset(nameof(Since)) ?? default,
            Until = entity.GetDateTimeOffset(nameof(Until)) ?? default,
            ItemCount = entity.GetInt32(nameof(ItemCount)) ?? 0,
            Skipped = entity.GetBoolean(nameof(Skipped)) ?? false,
            Subject = entity.GetString(nameof(Subject)) ?? "",
            Html = entity.GetString(nameof(Html)) ?? "",
            Text = entity.GetString(nameof(Text)) ?? "",
        };
    }
}
