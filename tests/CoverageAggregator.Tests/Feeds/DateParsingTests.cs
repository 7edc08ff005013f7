using CoverageAggregator.Feeds;

namespace CoverageAggregator.Tests.Feeds;

public class DateParsingTests
{
    [Theory]
    [InlineData("Thu, 15 Oct 2026 22:45:00 -0400", "2026-10-16T02:45:00Z")]
    [InlineData("Thu, 15 Oct 2026 22:45 -0400", "2026-10-16T02:45:00Z")]
    [InlineData("15 Oct 2026 09:30:00 GMT", "2026-10-15T09:30:00Z")]
    [InlineData("Thu, 15 Oct 2026 09:30:00 EDT", "2026-10-15T13:30:00Z")]
    [InlineData("Thu, 15 Oct 2026 09:30:00", "2026-10-15T09:30:00Z")]
    [InlineData("Thursday, 15 Oct 2026 09:30:00 +0000", "2026-10-15T09:30:00Z")]
    [InlineData("2026-10-16T08:00:00+01:00", "2026-10-16T07:00:00Z")]
    [InlineData("2026-10-15T09:30:00Z", "2026-10-15T09:30:00Z")]
    [InlineData("2026-10-15", "2026-10-15T00:00:00Z")]
    public void ParsesRfc822VariantsAndIso8601(string input, string expectedUtc) =>
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), DateParsing.Parse(input));

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("Someday, 99 Foo 20xx")]
    public void UnparseableDatesAreNullNotErrors(string input) => Assert.Null(DateParsing.Parse(input));
}
