using CoverageAggregator.Digest;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Digest;

/// <summary>On %DigestCheckSchedule%: builds the digests whose local time has come (Coverage:Digest:Time in :TimeZone) and retries pending deliveries.</summary>
public sealed class DailyDigest(DigestService digests)
{
    [Function(nameof(DailyDigest))]
    public Task<DigestRun> Run([TimerTrigger("%DigestCheckSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.RunAsync(cancellationToken);
}
