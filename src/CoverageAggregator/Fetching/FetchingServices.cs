using System.Net;
using System.Net.Sockets;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace CoverageAggregator.Fetching;

internal static class FetchingServices
{
    /// <summary>The typed client: no automatic redirects (the fetcher counts them), decompression, the SSRF guard,
    /// and the standard resilience pipeline per host: a timeout per attempt (retried) inside the fetch's total one, and
    /// retries of transient failures of idempotent requests only, waiting out a short Retry-After.</summary>
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.AddHttpClient<Fetcher>()
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<AddressGuard>(), sp.GetRequiredService<IOptions<CoverageOptions>>().Value))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers() // per-request start/end logs and scopes cost CPU on every fetch; the fetcher logs what fails
            .AddStandardResilienceHandler()
            .SelectPipelineByAuthority()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var fetch = sp.GetRequiredService<IOptions<CoverageOptions>>().Value.Fetch;
                var time = sp.GetRequiredService<TimeProvider>();
                var attempt = TimeSpan.FromSeconds(fetch.TimeoutSeconds);
                resilience.AttemptTimeout.Timeout = attempt;
                resilience.TotalRequestTimeout.Timeout = fetch.Total > attempt ? fetch.Total : attempt;
                resilience.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(1);
                resilience.Retry.MaxRetryAttempts = Math.Max(1, fetch.MaxRetries);
                resilience.Retry.ShouldRetryAfterHeader = false;
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, fetch, time));
                resilience.Retry.DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay.For(args.Outcome, args.AttemptNumber, time));
                resilience.Retry.DisableForUnsafeHttpMethods(); // a POST (a social API's session) is never sent twice
            });
        services.AddTransient<PublicUrlProbe>();
        return services;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, FetchOptions fetch, TimeProvider time)
    {
        if (fetch.MaxRetries == 0)
        {
            return false;
        }

        if (BlockedAddressException.In(outcome.Exception) is not null)
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

    /// <summary>Connections per server follow the per-host limit (MaxPerHost), so no host sees more requests at once.</summary>
    private static SocketsHttpHandler CreateHandler(AddressGuard guard, CoverageOptions options) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = Math.Max(1, options.MaxPerHost),
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var endpoint = context.DnsEndPoint;
            var addresses = await guard.ResolveAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
