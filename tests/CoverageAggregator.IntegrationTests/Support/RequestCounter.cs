using Azure.Core;
using Azure.Core.Pipeline;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>A storage pipeline policy that counts the requests a predicate picks (how many blobs were uploaded, say).</summary>
public sealed class RequestCounter(Func<Request, bool> counts) : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Volatile.Write(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (counts(message.Request))
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>Uploads of a whole snapshot blob (not its metadata or lease).</summary>
    public static RequestCounter SnapshotUploads() => new(request =>
        request.Method == RequestMethod.Put
        && request.Uri.Path.Contains("-snapshots/", StringComparison.Ordinal)
        && !request.Uri.Query.Contains("comp=", StringComparison.Ordinal));
}
