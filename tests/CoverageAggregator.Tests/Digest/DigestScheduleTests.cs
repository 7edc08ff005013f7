using CoverageAggregator.Digest;

namespace CoverageAggregator.Tests.Digest;

public class DigestScheduleTests
{
    [Fact]
    public void TheDigestTimeIsLocalTimeInItsZoneAcrossDaylightSaving()
    {
        var options = new DigestOptions { Time = "08:00", TimeZone = "Europe/London" };

        var winter = DigestService.LastOccurrence(options, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var summer = DigestService.LastOccurrence(options, new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 7, 0, 0, TimeSpan.Zero), summer);
    }

    [Fact]
    public void BeforeTodaysTimeTheDueDigestIsYesterdays()
    {
        var options = new DigestOptions { Time = "18:30", TimeZone = "America/New_York" };

        var due = DigestService.LastOccurrence(options, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero), due);
    }
}
