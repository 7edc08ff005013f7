using Polly;

namespace CoverageAggregator.Fetching;

/// <summary>How long the resilience handler waits before it retries a fetch.</summary>
internal static class RetryDelay
{
    /// <summary>
    /// A connection that broke before a whole response came back (closed early, refused, reset) is retried at once, with
    /// 50-250 ms of jitter, the first time: the server sent no answer that asks for patience. Server answers (5xx, 408,
    /// 429) and later attempts back off exponentially from 1 s, or wait out Retry-After, plus 100-400 ms of jitter.
    /// </summary>
    public static TimeSpan For(Outcome<HttpResponseMessage> outcome, int attempt, TimeProvider time)
    {
        if (attempt == 0 && outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError })
        {
            return TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250));
        }

        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(100, 400));
        if (outcome.Result is { } response && Fetcher.RetryAfterOf(response, time.GetUtcNow()) is { } retryAfter)
        {
            return retryAfter + jitter;
        }

        return TimeSpan.FromSeconds(Math.Pow(2, attempt)) + jitter;
    }
}
