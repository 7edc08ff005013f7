using Cronos;
using CoverageAggregator.Configuration;
using CoverageAggregator.Hosting;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Collection;

/// <summary>
/// The timer and queue triggers in one loop, for a host without them (`coverage run`): at start and then on the
/// PollSchedule cron, enqueue the due sources and work the queue off through the same <see cref="SourceQueue"/> the
/// Functions use. Sources a "collect now" enqueued are worked off at once, and not enqueued a second time.
/// </summary>
public sealed class ScheduledCollection(SourceQueue queue, IOptions<CoverageOptions> options, TimeProvider time)
{
    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled; <paramref name="report"/> gets a line per round.</summary>
    public async Task RunAsync(Action<string> report, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var schedule = CronExpression.Parse(options.Value.PollSchedule, CronFormat.IncludeSeconds);
        var enqueued = await queue.EnqueueDueAsync(stoppingToken).ConfigureAwait(false);
        while (true)
        {
            var processed = await queue.DrainAsync(stoppingToken).ConfigureAwait(false);
            report($"{time.GetUtcNow():u} collection: {enqueued} sources due, {processed} collected");
            var next = schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            // The next tick, or sooner when a "collect now" enqueued sources.
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var tick = CronWait.UntilAsync(next.Value, time, wake.Token);
            var collectNow = queue.RequestedAsync(wake.Token);
            await Task.WhenAny(tick, collectNow).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            await ((Task)collectNow).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // settled: taken, or cancelled and left for the next wait
            stoppingToken.ThrowIfCancellationRequested();

            // A "collect now" has put the due sources on the queue: enqueuing the due ones again here, before any of them
            // ran, would put each on it twice (seen: 1,000 messages for 500 sources, the second of each skipped late).
            enqueued = collectNow.IsCompletedSuccessfully
                ? await collectNow.ConfigureAwait(false)
                : await queue.EnqueueDueAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
