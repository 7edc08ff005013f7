using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Publishing;

/// <summary>What a stored snapshot's metadata says: its version, and when the items it was built from were read.</summary>
public sealed record SnapshotStamp(string Version, DateTimeOffset? ListedAt);

/// <summary>
/// Snapshots in Blob storage: container prefix-snapshots, one blob per essay ("{essay id}.json", gzipped: see
/// <see cref="SnapshotCompression"/>). A rebuild holds the blob's lease, so instances take turns, and writes under it;
/// the metadata says which items the snapshot covers.
/// </summary>
public sealed class SnapshotStore(StorageClients storage)
{
    /// <summary>How long a rebuild may hold an essay's lease before another instance may take it (a crashed holder).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private const string VersionKey = "version";
    private const string ListedAtKey = "listedat";

    private readonly BlobContainerClient _container = storage.Container("snapshots");

    /// <summary>Created on first use; a failed creation (storage down at start) is tried again on the next use.</summary>
    private readonly CreatedOnFirstUse _created = new(token => storage.Container("snapshots").CreateIfNotExistsAsync(cancellationToken: token));

    public async Task<CoverageSnapshot?> FindAsync(string essayId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await Blob(essayId).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return CoverageSnapshot.Deserialize(SnapshotCompression.Expand(content.Value.Content));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The stored snapshot's stamp, read from the blob's metadata without downloading it; null when none is stored.</summary>
    public async Task<SnapshotStamp?> FindStampAsync(string essayId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var metadata = (await Blob(essayId).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Metadata;
            var listedAt = metadata.TryGetValue(ListedAtKey, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : (DateTimeOffset?)null;
            return new SnapshotStamp(metadata.TryGetValue(VersionKey, out var version) ? version : "", listedAt);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Stores the snapshot, built from the items read at <paramref name="listedAt"/>, under the lease when one is held.</summary>
    public async Task SaveAsync(CoverageSnapshot snapshot, DateTimeOffset listedAt, string? leaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await Blob(snapshot.EssayId).UploadAsync(
            SnapshotCompression.Compress(snapshot.Serialize()),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = SnapshotCompression.ContentEncoding },
                Metadata = Metadata(snapshot.Version, listedAt),
                Conditions = leaseId is null ? null : new BlobRequestConditions { LeaseId = leaseId },
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the stored snapshot (unchanged) covers the items read at <paramref name="listedAt"/>.</summary>
    public async Task MarkListedAsync(string essayId, string version, DateTimeOffset listedAt, string? leaseId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await Blob(essayId).SetMetadataAsync(
            Metadata(version, listedAt), leaseId is null ? null : new BlobRequestConditions { LeaseId = leaseId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the essay's rebuild lease: its id; no id when no snapshot is stored yet (nothing to lease: the first build
    /// goes ahead); busy while another instance holds it.
    /// </summary>
    public async Task<SnapshotLease> AcquireLeaseAsync(string essayId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var lease = await Blob(essayId).GetBlobLeaseClient().AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new SnapshotLease(false, lease.Value.LeaseId);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new SnapshotLease(false, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return new SnapshotLease(true, null);
        }
    }

    public async Task ReleaseLeaseAsync(string essayId, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await Blob(essayId).GetBlobLeaseClient(leaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It expired and another instance holds it now: nothing of ours to release.
        }
    }

    private BlobClient Blob(string essayId) => _container.GetBlobClient(Uri.EscapeDataString(essayId.ToLowerInvariant()) + ".json");

    private static Dictionary<string, string> Metadata(string version, DateTimeOffset listedAt) => new()
    {
        [VersionKey] = version,
        [ListedAtKey] = listedAt.ToString("O", CultureInfo.InvariantCulture),
    };
}

/// <summary>An essay's rebuild lease: <paramref name="Busy"/> while another instance holds it, else its id (none before the first snapshot).</summary>
public sealed record SnapshotLease(bool Busy, string? Id);
