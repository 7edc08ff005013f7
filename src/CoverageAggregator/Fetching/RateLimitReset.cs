using System.Globalization;
using System.Net.Http.Headers;

namespace CoverageAggregator.Fetching;

/// <summary>
/// The rate-limit reset headers social APIs send with a 429 instead of (or besides) Retry-After. Reddit's
/// x-ratelimit-reset counts seconds until the reset; X's x-rate-limit-reset and Bluesky's ratelimit-reset give the reset
/// time in Unix seconds; Mastodon's X-RateLimit-Reset is an ISO 8601 time. A number too large to be a delay is taken as a
/// Unix time.
/// </summary>
internal static class RateLimitReset
{
    private static readonly string[] Names = ["x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset"];

    /// <summary>Values above this (about 2001-09-09) are Unix times, below it delays in seconds.</summary>
    private const double UnixTimeThreshold = 1_000_000_000;

    public static TimeSpan? DelayOf(HttpResponseHeaders headers, DateTimeOffset now)
    {
        foreach (var name in Names)
        {
            if (!headers.TryGetValues(name, out var values) || values.FirstOrDefault()?.Trim() is not { Length: > 0 } text)
            {
                continue;
            }

            TimeSpan? delay = null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                delay = value > UnixTimeThreshold ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000)) - now : TimeSpan.FromSeconds(value);
            }
            else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                delay = at - now;
            }

            if (delay is { } d)
            {
                return d > TimeSpan.Zero ? d : TimeSpan.Zero;
            }
        }

        return null;
    }
}
