using CoverageAggregator.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CoverageAggregator.Tests.Hosting;

public class CronWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ATickMonthsAwayIsWaitedForNotRefusedAsTooLongADelay()
    {
        var time = new FakeTimeProvider(Now);

        var wait = CronWait.UntilAsync(Now.AddDays(214), time, CancellationToken.None); // a yearly cron's next tick
        time.Advance(TimeSpan.FromDays(213));
        var doneADayEarly = wait.IsCompleted;
        time.Advance(TimeSpan.FromDays(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(doneADayEarly);
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ATickThatHasPassedIsNotWaitedFor()
    {
        var time = new FakeTimeProvider(Now);

        await CronWait.UntilAsync(Now.AddMinutes(-1), time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
