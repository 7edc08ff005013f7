using System.Text.Json;
using CoverageAggregator.Fetching;

namespace CoverageAggregator.Sources.Social;

/// <summary>Calls a social API through the <see cref="Fetcher"/> and reads its JSON; every failure becomes a clear error, never an exception.</summary>
internal static class SocialApi
{
    public static async Task<ApiResponse<T>> GetJsonAsync<T>(
        Fetcher fetcher, string platform, Uri url, IReadOnlyDictionary<string, string>? headers, JsonSerializerOptions json, CancellationToken cancellationToken)
        where T : class =>
        Read<T>(platform, url, json, await fetcher.FetchAsync(new FetchRequest(url, Accept: "application/json", Headers: headers), cancellationToken).ConfigureAwait(false));

    public static async Task<ApiResponse<T>> PostJsonAsync<T>(
        Fetcher fetcher, string platform, Uri url, object body, JsonSerializerOptions json, CancellationToken cancellationToken)
        where T : class
    {
        var content = new FetchBody(JsonSerializer.SerializeToUtf8Bytes(body, json), "application/json");
        var fetch = await fetcher.FetchAsync(new FetchRequest(url, Accept: "application/json", Body: content), cancellationToken).ConfigureAwait(false);
        return Read<T>(platform, url, json, fetch);
    }

    private static ApiResponse<T> Read<T>(string platform, Uri url, JsonSerializerOptions json, FetchResult fetch)
        where T : class
    {
        if (!fetch.IsOk)
        {
            return new ApiResponse<T>(null, fetch, Describe(platform, url, fetch));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(fetch.Body, json) is { } value
                ? new ApiResponse<T>(value, fetch, null)
                : new ApiResponse<T>(null, fetch with { Outcome = FetchOutcome.Failed }, $"{platform} answered {url.AbsolutePath} with an empty JSON document");
        }
        catch (JsonException ex)
        {
            return new ApiResponse<T>(null, fetch with { Outcome = FetchOutcome.Failed }, $"{platform} answered {url.AbsolutePath} with malformed JSON: {ex.Message}");
        }
    }

    private static string Describe(string platform, Uri url, FetchResult fetch) => fetch.StatusCode switch
    {
        401 => $"{platform} refused the credentials (HTTP 401 Unauthorized) for {url.AbsolutePath}: check the token or password in the source config",
        403 => $"{platform} refused access (HTTP 403 Forbidden) to {url.AbsolutePath}: the credentials lack the needed access",
        _ => $"{platform} {url.AbsolutePath}: {fetch.Error}",
    };
}
