using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Alerts;

/// <summary>One row per item that has alerted (PartitionKey essay id, RowKey item key): the claim that makes each item alert once.</summary>
public sealed class AlertStore(StorageClients storage)
{
    private readonly TableHandle _table = new(storage.Table("alerted"));

    /// <summary>Claims the item for an alert; answers false when it alerted before.</summary>
    public async Task<bool> TryClaimAsync(string essayId, string itemKey, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(essayId, itemKey) { ["Reason"] = reason, ["AlertedAt"] = now }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
