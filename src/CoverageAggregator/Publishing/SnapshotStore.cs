using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Publishing;

/// <summary>Snapshots in Blob storage: container prefix-snapshots, one blob per essay ("{essay id}.json").</summary>
public sealed class SnapshotStore(StorageClients storage)
{
    private readonly BlobContainerClient _container = storage.Container("snapshots");

    /// <summary>Created on first use; a failed creation (storage down at start) is tried again on the next use.</summary>
    private readonly CreatedOnFirstUse _created = new(token => storage.Container("snapshots").CreateIfNotExistsAsync(cancellationToken: token));

    public async Task<CoverageSnapshot?> FindAsync(string essayId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await _container.GetBlobClient(BlobName(essayId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return CoverageSnapshot.Deserialize(content.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The stored snapshot's version, read from the blob's metadata without downloading it; null when none is stored.</summary>
    public async Task<string?> FindVersionAsync(string essayId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = await _container.GetBlobClient(BlobName(essayId)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.Metadata.TryGetValue(VersionKey, out var version) ? version : "";
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(CoverageSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _container.GetBlobClient(BlobName(snapshot.EssayId)).UploadAsync(
            new BinaryData(snapshot.Serialize()),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Metadata = new Dictionary<string, string> { [VersionKey] = snapshot.Version },
            },
            cancellationToken).ConfigureAwait(false);
    }

    private const string VersionKey = "version";

    private static string BlobName(string essayId) => Uri.EscapeDataString(essayId.ToLowerInvariant()) + ".json";
}
