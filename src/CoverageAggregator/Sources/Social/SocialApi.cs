using System.Text.Json;
using CoverageAggregator.Fetching;

namespace CoverageAggregator.Sources.Social;

/// <summary>Calls a social API through the <see cref="Fetcher"/> and reads its JSON; every failure becomes a clear error, never an exception.</summary>
internal static class SocialApi
{
    public static async Task<ApiResponse<T>> GetJsonAsync<T>(
        Fetcher fetcher, string platform, Uri url, IReadOnlyDictionary<string, string>? headers, JsonSerializerOptions json, CancellationToken cancellationToken)
        where T : class =>
        Read<T>(platform, url, json, await fetcher.FetchAsync(new FetchRequest(url, Accept: "application/json", Headers: headers), cancellationToken).ConfigureAwait(false), Signed(headers));

    public static Task<ApiResponse<T>> PostJsonAsync<T>(
        Fetcher fetcher, string platform, Uri url, object body, JsonSerializerOptions json, CancellationToken cancellationToken)
        where T : class =>
        PostAsync<T>(fetcher, platform, url, new FetchBody(JsonSerializer.SerializeToUtf8Bytes(body, json), "application/json"), null, json, cancellationToken);

    /// <summary>A POST whose body or headers carry credentials (a login, a token request, a session refresh).</summary>
    public static async Task<ApiResponse<T>> PostAsync<T>(
        Fetcher fetcher, string platform, Uri url, FetchBody body, IReadOnlyDictionary<string, string>? headers, JsonSerializerOptions json, CancellationToken cancellationToken)
        where T : class
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(url, Accept: "application/json", Headers: headers, Body: body), cancellationToken).ConfigureAwait(false);
        return Read<T>(platform, url, json, fetch, signed: true);
    }

    private static bool Signed(IReadOnlyDictionary<string, string>? headers) =>
        headers?.Keys.Any(k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) == true;

    private static ApiResponse<T> Read<T>(string platform, Uri url, JsonSerializerOptions json, FetchResult fetch, bool signed)
        where T : class
    {
        if (!fetch.IsOk)
        {
            return new ApiResponse<T>(null, fetch, Describe(platform, url, fetch, signed));
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

    private static string Describe(string platform, Uri url, FetchResult fetch, bool signed) => fetch.StatusCode is 401 or 403
        ? Credentials.Refused(platform, url.AbsolutePath, fetch.StatusCode, signed)
        : $"{platform} {url.AbsolutePath}: {fetch.Error}";
}
