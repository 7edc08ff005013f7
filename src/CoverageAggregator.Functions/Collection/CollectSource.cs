using CoverageAggregator.Collection;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Collection;

/// <summary>Collects the one source named by a queue message; after maxDequeueCount failures it lands in the poison queue.</summary>
public sealed class CollectSource(SourceQueue queue)
{
    [Function(nameof(CollectSource))]
    public Task<SourceReport?> Run([QueueTrigger("%CollectQueue%")] string message, CancellationToken cancellationToken) =>
        queue.ProcessAsync(message, cancellationToken);
}
