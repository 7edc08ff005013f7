namespace CoverageAggregator.Fetching;

/// <summary>
/// Vets a URL that someone other than the sources file asks the app to fetch (an essay posted to the admin route):
/// http(s) only, and every address it leads to, after DNS and on every redirect, must pass the SSRF guard, whose
/// allow-list this never widens. The probe is a headers-only fetch through the <see cref="Fetcher"/>, so the guard
/// refuses a private hop before anything is sent to it. Only a refusal refuses the URL: a page that is down now is
/// fetched later, through the same guard.
/// </summary>
public sealed class PublicUrlProbe(Fetcher fetcher)
{
    /// <summary>Why the URL may not be fetched, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"\"{url}\" is not an absolute http(s) URL";
        }

        var result = await fetcher.FetchAsync(new FetchRequest(uri, Accept: "text/html", HeadersOnly: true), cancellationToken).ConfigureAwait(false);
        return result.Blocked ? $"\"{url}\" leads to an address the app may not fetch: {result.Error}" : null;
    }
}
