using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Digest;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Alerts;

/// <summary>
/// Which items have alerted. An alert claims its items in the outbox, in the same transaction as its delivery rows
/// (<see cref="Outbox.AddClaimingAsync"/>), so an item is never claimed without its alert queued. Claims made before
/// that, one row per item in table prefix+alerted (PartitionKey essay id, RowKey item key), are still honoured.
/// </summary>
public sealed class AlertStore(StorageClients storage, Outbox outbox)
{
    private readonly TableClient _earlier = storage.Table("alerted");

    /// <summary>The claim of one item of one essay, as the outbox stores it.</summary>
    public static string Claim(string essayId, string itemKey) => essayId + "\n" + itemKey;

    public async Task<bool> HasAlertedAsync(string essayId, string itemKey, CancellationToken cancellationToken)
    {
        if (await outbox.IsClaimedAsync(Claim(essayId, itemKey), cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        try
        {
            var earlier = await _earlier.GetEntityIfExistsAsync<TableEntity>(essayId, itemKey, ["PartitionKey"], cancellationToken).ConfigureAwait(false);
            return earlier.HasValue;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false; // no such table: nothing alerted before claims moved to the outbox
        }
    }
}
