using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CoverageAggregator.Fetching;

/// <summary>
/// The one place that talks HTTP for feeds and pages: conditional GET, manual redirects with a limit and loop check,
/// a body cap that holds after decompression, a total deadline per fetch (every attempt, redirect and the body), and
/// Retry-After reported to the caller. Per-attempt timeouts and retries of transient failures of idempotent requests
/// come from the resilience handler the client is registered with.
/// </summary>
public sealed class Fetcher(HttpClient http, IOptions<CoverageOptions> options, ILogger<Fetcher> logger, TimeProvider? time = null)
{
    private readonly FetchOptions _options = options.Value.Fetch;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Total);
        var chain = new List<Uri> { request.Url };
        try
        {
            try
            {
                return await FetchChainAsync(request, chain, deadline.Token).ConfigureAwait(false);
            }
            catch (BodyCutOffException) when (request.Body is null)
            {
                // The connection dropped after the headers, which the resilience handler does not retry: a GET is asked
                // for once more, within the same total time.
                chain = [request.Url];
                return await FetchChainAsync(request, chain, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Fail(request.Url, $"timed out after {_options.Total.TotalSeconds:0} s in all", chain: chain);
        }
        catch (TimeoutRejectedException)
        {
            return FetchResult.Fail(request.Url, $"timed out: no answer within {_options.TimeoutSeconds} s, on every attempt", chain: chain);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            Log.FetchFailed(logger, request.Url, ex.Message);
            return FetchResult.Fail(request.Url, Describe(ex), chain: chain) with { Blocked = BlockedAddressException.In(ex) is not null };
        }
    }

    private async Task<FetchResult> FetchChainAsync(FetchRequest request, List<Uri> chain, CancellationToken cancellationToken)
    {
        var url = request.Url;
        Uri? movedTo = null;
        var permanentSoFar = true;
        for (var hop = 0; ; hop++)
        {
            using var message = new HttpRequestMessage(hop == 0 && request.Body is not null ? HttpMethod.Post : HttpMethod.Get, url);
            if (hop == 0 && request.Body is { } body)
            {
                message.Content = new ByteArrayContent(body.Content);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
            }

            var custom = SameAuthority(url, request.Url) ? request.Headers : null;
            if (custom?.Keys.Any(k => k.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)) != true)
            {
                message.Headers.UserAgent.ParseAdd(_options.UserAgent);
            }

            foreach (var (name, value) in custom ?? new Dictionary<string, string>())
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            message.Headers.Accept.ParseAdd(request.Accept);
            message.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            if (hop == 0 && request.ETag is { Length: > 0 } etag)
            {
                message.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (hop == 0 && request.LastModified is { Length: > 0 } lastModified)
            {
                message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return FetchResult.Fail(request.Url, $"redirect to a non-http URL ({next.Scheme})", status, chain: chain);
                }

                if (chain.Contains(next))
                {
                    return FetchResult.Fail(request.Url, $"redirect loop at {next}", status, chain: chain);
                }

                if (hop + 1 > _options.MaxRedirects)
                {
                    return FetchResult.Fail(request.Url, $"more than {_options.MaxRedirects} redirects", status, chain: chain);
                }

                permanentSoFar &= status is 301 or 308;
                if (permanentSoFar)
                {
                    movedTo = next;
                }

                chain.Add(next);
                url = next;
                continue;
            }

            return await ReadResponseAsync(request, response, url, chain, movedTo, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FetchResult> ReadResponseAsync(
        FetchRequest request, HttpResponseMessage response, Uri finalUrl, List<Uri> chain, Uri? movedTo, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        if (status == 304)
        {
            return new FetchResult
            {
                Outcome = FetchOutcome.NotModified, RequestedUrl = request.Url, FinalUrl = finalUrl, StatusCode = status,
                ETag = etag ?? request.ETag, LastModified = lastModified ?? request.LastModified, Chain = chain, MovedPermanentlyTo = movedTo,
            };
        }

        if (status == 410)
        {
            return new FetchResult
            {
                Outcome = FetchOutcome.Gone, RequestedUrl = request.Url, FinalUrl = finalUrl, StatusCode = status,
                Error = "410 Gone: the resource was removed", Chain = chain,
            };
        }

        if (status is 429 or 503)
        {
            var retryAfter = RetryAfterOf(response, _time.GetUtcNow()) ?? TimeSpan.FromMinutes(5);
            return FetchResult.Fail(request.Url, $"{status} {response.ReasonPhrase}: retry after {retryAfter.TotalSeconds:0} s", status, retryAfter, chain);
        }

        if (!response.IsSuccessStatusCode)
        {
            return FetchResult.Fail(request.Url, $"HTTP {status} {response.ReasonPhrase}", status, chain: chain);
        }

        var declared = response.Content.Headers.ContentLength;
        if (declared > _options.MaxBytes)
        {
            return FetchResult.Fail(request.Url, $"body of {declared} bytes exceeds the {_options.MaxBytes}-byte cap", status, chain: chain);
        }

        var body = request.HeadersOnly ? [] : await ReadCappedAsync(response.Content, declared, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return FetchResult.Fail(request.Url, $"body exceeds the {_options.MaxBytes}-byte cap (after decompression)", status, chain: chain);
        }

        return new FetchResult
        {
            Outcome = FetchOutcome.Ok,
            RequestedUrl = request.Url,
            FinalUrl = finalUrl,
            StatusCode = status,
            Body = body,
            ContentType = response.Content.Headers.ContentType?.MediaType,
            Charset = response.Content.Headers.ContentType?.CharSet?.Trim('"'),
            ETag = etag,
            LastModified = lastModified,
            Chain = chain,
            MovedPermanentlyTo = movedTo,
        };
    }

    /// <summary>The body, at most MaxBytes: read through a pooled buffer into one sized by Content-Length when it is given (compressed bodies grow).</summary>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, long? declared, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream(declared is > 0 and <= int.MaxValue ? (int)Math.Min(declared.Value, _options.MaxBytes) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new BodyCutOffException(ex); // the connection dropped after the headers
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>How long to wait: Retry-After, else the rate-limit reset headers of the social APIs.</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => RateLimitReset.DelayOf(response.Headers, now),
    };

    private static bool SameAuthority(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception ex) => ex switch
    {
        _ when BlockedAddressException.In(ex) is { } blocked => blocked.Message,
        BodyCutOffException { InnerException: { } cause } => Describe(cause),
        HttpRequestException { InnerException: { } inner } => $"{ex.Message} ({inner.Message})",
        _ => ex.Message,
    };
}
