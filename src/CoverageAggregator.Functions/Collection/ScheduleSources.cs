using CoverageAggregator.Collection;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Collection;

/// <summary>On the PollSchedule cron: one queue message per due source.</summary>
public sealed class ScheduleSources(SourceQueue queue)
{
    [Function(nameof(ScheduleSources))]
    public Task<int> Run([TimerTrigger("%PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        queue.EnqueueDueAsync(cancellationToken);
}
