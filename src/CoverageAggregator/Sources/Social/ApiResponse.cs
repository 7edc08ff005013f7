using CoverageAggregator.Fetching;

namespace CoverageAggregator.Sources.Social;

/// <summary>One API call: the parsed body, or the fetch and a clear error saying what went wrong.</summary>
internal sealed record ApiResponse<T>(T? Value, FetchResult Fetch, string? Error)
    where T : class
{
    public bool IsOk => Value is not null;

    /// <summary>The credentials were refused: no other call of this run will do better.</summary>
    public bool IsAuthFailure => Fetch.StatusCode is 401 or 403;
}
