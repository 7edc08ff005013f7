namespace CoverageAggregator.Fetching;

public enum FetchOutcome
{
    Ok,
    NotModified,
    Failed,
    Gone,
    RetryLater,
}

/// <summary>
/// One GET (or a POST when <paramref name="Body"/> is set). <paramref name="HeadersOnly"/> follows redirects and stops at the
/// final answer's headers (link resolution). <paramref name="Headers"/> (API credentials, a platform's User-Agent) are sent
/// only to the requested host, never across a redirect to another one, and are never logged.
/// </summary>
public sealed record FetchRequest(
    Uri Url, string? ETag = null, string? LastModified = null, string Accept = "*/*", bool HeadersOnly = false,
    IReadOnlyDictionary<string, string>? Headers = null, FetchBody? Body = null);

/// <summary>A request body, which makes the request a POST.</summary>
public sealed record FetchBody(byte[] Content, string ContentType);

/// <summary>What one fetch produced: a body, a 304, or a clear error. It never throws for HTTP or network trouble.</summary>
public sealed record FetchResult
{
    public required FetchOutcome Outcome { get; init; }
    public required Uri RequestedUrl { get; init; }
    public Uri FinalUrl { get; init; } = null!;
    public int StatusCode { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public string? Charset { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Set when a 301/308 moved the resource for good: callers update the stored URL.</summary>
    public Uri? MovedPermanentlyTo { get; init; }

    /// <summary>Every URL the fetch passed through, redirects included, final last.</summary>
    public IReadOnlyList<Uri> Chain { get; init; } = [];
    public string? Error { get; init; }

    /// <summary>Set when the SSRF guard refused an address on the way (the URL itself or a redirect): nothing was sent there.</summary>
    public bool Blocked { get; init; }

    public bool IsOk => Outcome == FetchOutcome.Ok;

    /// <summary>A failure that may pass: no answer (timeout, refused), 408, 429, a server error, or Retry-After. What failed this way is tried again later.</summary>
    public bool MayPassLater => Outcome is FetchOutcome.RetryLater || (Outcome is FetchOutcome.Failed && StatusCode is 0 or 408 or 429 or >= 500);

    /// <summary>Why the fetch did not give a body, in a few words: its error, else its status code.</summary>
    public string Problem => Error ?? StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static FetchResult Fail(Uri url, string error, int status = 0, TimeSpan? retryAfter = null, IReadOnlyList<Uri>? chain = null) => new()
    {
        Outcome = retryAfter is null ? FetchOutcome.Failed : FetchOutcome.RetryLater,
        RequestedUrl = url,
        FinalUrl = chain is { Count: > 0 } ? chain[^1] : url,
        StatusCode = status,
        Error = error,
        RetryAfter = retryAfter,
        Chain = chain ?? [url],
    };
}
