using System.Net.Http.Headers;
using CoverageAggregator.Fetching;

namespace CoverageAggregator.Tests.Fetching;

public class RateLimitResetTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("x-ratelimit-reset", "42", 42)] // Reddit: seconds until the reset
    [InlineData("x-ratelimit-reset", "17.4", 17.4)]
    [InlineData("x-rate-limit-reset", "1774008900", 900)] // X: Unix time
    [InlineData("ratelimit-reset", "1774008060", 60)] // Bluesky: Unix time
    [InlineData("x-ratelimit-reset", "2026-03-20T12:05:00.000Z", 300)] // Mastodon: ISO 8601
    [InlineData("x-rate-limit-reset", "1774000000", 0)] // already past
    public void ResetHeadersGiveTheDelayUntilTheReset(string header, string value, double seconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(TimeSpan.FromSeconds(seconds), RateLimitReset.DelayOf(response.Headers, Now));
    }

    [Theory]
    [InlineData("x-ratelimit-reset", "soon")]
    [InlineData("x-ratelimit-remaining", "0")]
    public void UnreadableOrAbsentResetGivesNoDelay(string header, string value)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.Null(RateLimitReset.DelayOf(response.Headers, Now));
    }
}
