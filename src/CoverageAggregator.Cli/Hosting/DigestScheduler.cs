using Cronos;
using CoverageAggregator.Digest;
using CoverageAggregator.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Cli.Hosting;

/// <summary>The local stand-in for the DailyDigest timer: on Coverage:Digest:CheckSchedule, build due digests and retry deliveries.</summary>
internal sealed class DigestScheduler(DigestService digests, IOptions<DigestOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(options.Value.CheckSchedule, CronFormat.IncludeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await CronWait.UntilAsync(next.Value, time, stoppingToken);
            var run = await digests.RunAsync(stoppingToken);
            if (run.Built + run.Sent + run.Failed > 0)
            {
                Console.WriteLine($"{time.GetUtcNow():u} digest: {run.Built} built, {run.Sent} delivered, {run.Failed} deliveries to retry");
            }
        }
    }
}
