using CoverageAggregator.Configuration;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CoverageAggregator.Fetching;

/// <summary>
/// The fetch's resilience: one Polly pipeline around every request of the fetcher's client, whatever its host. A
/// deadline for the whole fetch (<see cref="FetchOptions.Total"/>), retries of transient failures with
/// <see cref="RetryDelay"/>'s waits, and a timeout per attempt. A POST (a social API's session) is never sent twice: it
/// gets the attempt's timeout only.
/// Why not the standard resilience handler: it builds a pipeline per host (a cycle of 500 feeds at 500 hosts builds 500,
/// each with its options validated by reflection) and runs a rate limiter, a circuit breaker and telemetry around every
/// request, which the fetcher needs none of: it reports what finally failed, and a failing source backs off through its
/// own state. On the 500-feed scale corpus that cost a cycle of conditional GETs about 0.1 s of CPU.
/// </summary>
internal sealed class FetchResilience : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _once;

    public FetchResilience(FetchOptions fetch, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var attempt = TimeSpan.FromSeconds(fetch.TimeoutSeconds);
        var total = fetch.Total > attempt ? fetch.Total : attempt;
        _idempotent = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(total)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, fetch.MaxRetries),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, fetch, time)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay.For(args.Outcome, args.AttemptNumber, time)),
            })
            .AddTimeout(attempt)
            .Build();
        _once = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(attempt).Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? _idempotent : _once;
        return await pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One attempt; a retry sends the same request again (the fetcher's requests carry no content, or content that can be read again).</summary>
    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>What is worth another attempt: a broken connection or a timeout, and the server answers that ask for one.</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, FetchOptions fetch, TimeProvider time)
    {
        if (fetch.MaxRetries == 0 || BlockedAddressException.In(outcome.Exception) is not null)
        {
            return false;
        }

        if (outcome.Exception is HttpRequestException or TimeoutException or TimeoutRejectedException)
        {
            return true;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (status is 429 or 503)
        {
            // Wait out a short Retry-After within this run; a long one is the caller's to schedule.
            var retryAfter = Fetcher.RetryAfterOf(response, time.GetUtcNow());
            return retryAfter is null || retryAfter <= TimeSpan.FromSeconds(fetch.MaxRetryAfterSeconds);
        }

        return status is 408 or 500 or 502 or 504;
    }
}
