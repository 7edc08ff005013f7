namespace CoverageAggregator.Hosting;

/// <summary>Waiting for a schedule's next tick, for hosts that run their own timers (`coverage run`).</summary>
public static class CronWait
{
    /// <summary>Task.Delay takes at most ~49.7 days; a tick further away (a yearly cron) is waited for in steps of this.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromDays(1);

    /// <summary>Completes at <paramref name="at"/> on <paramref name="time"/> (at once when that has passed).</summary>
    public static async Task UntilAsync(DateTimeOffset at, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        for (var left = at - time.GetUtcNow(); left > TimeSpan.Zero; left = at - time.GetUtcNow())
        {
            await Task.Delay(left < Step ? left : Step, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
