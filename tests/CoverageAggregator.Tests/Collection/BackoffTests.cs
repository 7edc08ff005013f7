using CoverageAggregator.Collection;

namespace CoverageAggregator.Tests.Collection;

public class BackoffTests
{
    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(30, 24 * 60)]
    public void BackoffDoublesPerFailureWithinTenPercentJitterAndCapsAtADay(int failures, int expectedMinutes)
    {
        for (var i = 0; i < 50; i++)
        {
            var backoff = SourceRunner.Backoff(TimeSpan.FromMinutes(15), failures);
            Assert.InRange(backoff.TotalMinutes, expectedMinutes * 0.9, expectedMinutes * 1.1);
        }
    }
}
