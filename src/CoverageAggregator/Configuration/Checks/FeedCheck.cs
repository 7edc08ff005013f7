using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;

namespace CoverageAggregator.Configuration.Checks;

/// <summary>Does a feed of the sources file answer with a feed?</summary>
internal static class FeedCheck
{
    private const string FeedTypes = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5";

    public static async Task<CheckLine> RunAsync(Fetcher fetcher, FeedConfig feed, CancellationToken cancellationToken)
    {
        var subject = $"feed \"{(string.IsNullOrWhiteSpace(feed.Name) ? feed.Url : feed.Name)}\"";
        var fetch = await fetcher.FetchAsync(new FetchRequest(new Uri(feed.Url), Accept: FeedTypes), cancellationToken).ConfigureAwait(false);
        if (!fetch.IsOk)
        {
            return new CheckLine(CheckStatus.Failed, subject, $"{feed.Url}: {fetch.Error}", FixFor(fetch));
        }

        try
        {
            var parsed = FeedParser.Parse(fetch.Body, fetch.FinalUrl, fetch.Charset);
            var moved = fetch.MovedPermanentlyTo is { } to ? $"; it moved to {to}" : "";
            return parsed.Warnings.Count > 0
                ? new CheckLine(CheckStatus.Warning, subject, $"{parsed.Entries.Count} entries, read after repair: {parsed.Warnings[0]}{moved}")
                : new CheckLine(CheckStatus.Ok, subject, $"{parsed.Entries.Count} entries{moved}");
        }
        catch (FeedFormatException ex)
        {
            return new CheckLine(CheckStatus.Failed, subject, $"{feed.Url} answers but is not a feed: {ex.Message}",
                "put the feed's URL (the page's link rel=alternate, often /feed or /rss), not the page's");
        }
    }

    internal static string FixFor(FetchResult fetch) => fetch.StatusCode switch
    {
        404 or 410 => "the address is gone: find the current one (the site's link rel=alternate) or remove the source",
        401 or 403 => "the server refuses this client: check whether it needs a login, or remove the source",
        429 or 503 => "the server asks to wait: try again later; collection waits as it asks",
        >= 500 => "the server fails: try again later",
        0 => "nothing answers at that address: check the host name and that this machine can reach it",
        _ => "check the URL in a browser",
    };
}
