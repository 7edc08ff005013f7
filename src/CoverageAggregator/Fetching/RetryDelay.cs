using Polly;

namespace CoverageAggregator.Fetching;

/// <summary>How long the resilience handler waits before it retries a fetch.</summary>
internal static class RetryDelay
{
    /// <summary>
    /// A connection that broke before any answer came back (closed early, refused, reset) is retried at once the first
    /// time (0-50 ms of jitter, so connections dropped together are not asked again together), as a browser asks again on
    /// a fresh connection, and after 250-750 ms the second time; then like a server answer. No server asked for patience:
    /// such a break is most often a connection the server had already closed (against the loopback fixture server, about
    /// 1 % of requests at 16 at once, until <see cref="ServerConnections"/> stopped reusing its HTTP/1.0 connections),
    /// and on the 500-feed scale corpus the waits this rule replaced (50-250 ms, then 2 s) held round 2 up by 0.1-0.4 s
    /// in interleaved runs, and by 2 s in about a third of them.
    /// Server answers (5xx, 408, 429) and later attempts back off exponentially from 1 s, or wait out Retry-After, plus
    /// 100-400 ms of jitter.
    /// </summary>
    public static TimeSpan For(Outcome<HttpResponseMessage> outcome, int attempt, TimeProvider time)
    {
        if (attempt < 2 && outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError })
        {
            return attempt == 0 ? TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50)) : TimeSpan.FromMilliseconds(Random.Shared.Next(250, 750));
        }

        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(100, 400));
        if (outcome.Result is { } response && Fetcher.RetryAfterOf(response, time.GetUtcNow()) is { } retryAfter)
        {
            return retryAfter + jitter;
        }

        return TimeSpan.FromSeconds(Math.Pow(2, attempt)) + jitter;
    }
}
