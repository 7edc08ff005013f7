using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Digest;

/// <summary>
/// Every delivery of every digest and alert, one row per message and channel, written before anything is sent:
/// a failed send stays pending and is retried on the next run, a sent one is kept as sent. Nothing is lost. Alerts
/// also keep their claims here (rows of kind "claim"), written in the same transaction as their delivery rows.
/// </summary>
public sealed class Outbox(StorageClients storage)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    private const string Partition = "outbox";
    private const int MaxText = 30_000;
    private const string ClaimKind = "claim";
    private readonly TableHandle _table = new(storage.Table("outbox"));

    /// <summary>Adds one row per channel; a row that exists (an earlier run wrote it, maybe sent it) is left as it is.</summary>
    public async Task AddAsync(OutboundMessage message, IEnumerable<string> channels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        foreach (var channel in channels)
        {
            try
            {
                await table.AddEntityAsync(Entry(message, channel, now), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Written by an earlier run: keep its state.
            }
        }
    }

    /// <summary>
    /// Adds the message's rows and claims (one row each, in this partition) in one transaction: the message is queued
    /// with its claims or not at all. Answers false, having written nothing, when a claim (or the message) exists already.
    /// </summary>
    public async Task<bool> AddClaimingAsync(
        OutboundMessage message, IEnumerable<string> channels, IReadOnlyCollection<string> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(claims);
        var actions = claims
            .Select(claim => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(Partition, ClaimRowKey(claim)) { ["Kind"] = ClaimKind, ["MessageId"] = message.Id, ["CreatedAt"] = now }))
            .Concat(channels.Select(channel => new TableTransactionAction(TableTransactionActionType.Add, Entry(message, channel, now))))
            .ToList();
        if (actions.Count > TableHandle.MaxBatch)
        {
            throw new ArgumentException($"{actions.Count} rows do not fit one transaction of {TableHandle.MaxBatch}", nameof(claims));
        }

        try
        {
            await _table.ExecuteAsync(table => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> IsClaimedAsync(string claim, CancellationToken cancellationToken) =>
        await _table.FindAsync(Partition, ClaimRowKey(claim), cancellationToken).ConfigureAwait(false) is not null;

    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxEntry>();
        await foreach (var row in table.QueryAsync<OutboxEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {Pending}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows.OrderBy(r => r.CreatedAt).ToList();
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxEntry>();
        await foreach (var row in table.QueryAsync<OutboxEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Kind ne {ClaimKind}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task UpdateAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await table.UpdateEntityAsync(entry, entry.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        entry.ETag = response.Headers.ETag ?? entry.ETag;
    }

    /// <summary>
    /// Takes a pending row for one sender until <paramref name="until"/>: false when another sender changed it since it
    /// was read (it has the row, or sent it). A sender that dies holding a row loses it when the lease ends, so the
    /// message is sent by a later run (at least once, never lost), and two senders at once never both send it.
    /// </summary>
    public async Task<bool> TryLeaseAsync(OutboxEntry entry, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.LeasedUntil = until;
        try
        {
            await UpdateAsync(entry, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static OutboxEntry Entry(OutboundMessage message, string channel, DateTimeOffset now) => new()
    {
        RowKey = RowKey(message.Id, channel),
        MessageId = message.Id,
        Kind = message.Kind,
        EssayId = message.EssayId,
        Channel = channel,
        Subject = Cut(message.Subject, 1000),
        Html = Cut(message.Html, MaxText),
        Text = Cut(message.Text, MaxText),
        Link = message.Link,
        State = Pending,
        CreatedAt = now,
    };

    private static string RowKey(string messageId, string channel) => Feeds.EntryIdentity.Hash(messageId + "\n" + channel);

    /// <summary>Claims share the partition (so they commit with the rows) under keys no message row has.</summary>
    private static string ClaimRowKey(string claim) => "claim-" + Feeds.EntryIdentity.Hash(claim);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}

public sealed class OutboxEntry : ITableEntity
{
    public string PartitionKey { get; set; } = "outbox";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string MessageId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string EssayId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    public string State { get; set; } = Outbox.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>While a sender holds the row (<see cref="Outbox.TryLeaseAsync"/>): until when; others pass it over until then.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public OutboundMessage ToMessage() => new(MessageId, Kind, EssayId, Subject, Html, Text, Link);
}
