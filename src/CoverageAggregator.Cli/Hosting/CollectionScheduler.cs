using Cronos;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Cli.Hosting;

/// <summary>
/// The local stand-in for the timer and queue triggers: at start and then on the PollSchedule cron, enqueue the due
/// sources on the Azurite queue and work the queue off, through the same <see cref="SourceQueue"/> the Functions use;
/// sources enqueued by the admin route are worked off at once.
/// </summary>
internal sealed class CollectionScheduler(SourceQueue queue, IOptions<CoverageOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(options.Value.PollSchedule, CronFormat.IncludeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var enqueued = await queue.EnqueueDueAsync(stoppingToken);
            var processed = await queue.DrainAsync(stoppingToken);
            Console.WriteLine($"{time.GetUtcNow():u} collection: {enqueued} sources due, {processed} collected");
            var next = schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            // The next tick, or sooner when an admin "collect now" enqueued sources.
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = next.Value - time.GetUtcNow();
            await Task.WhenAny(Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, wake.Token), queue.EnqueuedAsync(wake.Token));
            await wake.CancelAsync();
        }
    }
}
