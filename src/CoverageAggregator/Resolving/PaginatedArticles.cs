using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// An article split over pages (a WordPress post with &lt;!--nextpage--&gt; at /slug/2/, a news site's ?page=2) is
/// judged whole: its rel=next pages are read, a few at most, and their text, links and blockquotes joined to the
/// first page's, so a citation on page 2 counts. Only a continuation is followed: on the same site, at the first
/// page's address with a page part added. A rel=next to another article (WordPress's adjacent-post links, a blog's
/// next entry) or from a listing (a home page's page 2) is not.
/// </summary>
public static partial class PaginatedArticles
{
    /// <summary>Pages read after the first at most.</summary>
    public const int MaxMorePages = 4;

    /// <summary>
    /// Whether raw HTML names a next page (rel=next on a link or an anchor), before it is parsed: a page whose first part
    /// cites nothing may cite on the next (<see cref="PageScan"/> then lets it be parsed and followed).
    /// </summary>
    public static bool MayGoOn(string html) => RelNext().IsMatch(html);

    /// <summary>
    /// The article with its following pages joined; <paramref name="readPage"/> reads one page (through the Fetcher),
    /// null when it cannot be read, which ends the article there. The first page's identity and metadata are kept.
    /// </summary>
    public static async Task<ArticlePage> JoinAsync(ArticlePage first, Func<Uri, CancellationToken, Task<ArticlePage?>> readPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(readPage);
        var joined = first;
        var read = new HashSet<string>(StringComparer.Ordinal) { Address(first.Url) };
        var page = first;
        for (var more = 0; more < MaxMorePages && Continuation(first.Url, page.NextPage) is { } next && read.Add(Address(next)); more++)
        {
            if (await readPage(next, cancellationToken).ConfigureAwait(false) is not { } following)
            {
                break;
            }

            joined = joined with
            {
                MainText = joined.MainText + "\n" + following.MainText,
                Links = joined.Links.Concat(following.Links).Distinct(StringComparer.Ordinal).ToList(),
                BlockQuotes = [.. joined.BlockQuotes, .. following.BlockQuotes],
            };
            page = following;
        }

        return joined;
    }

    /// <summary>
    /// <paramref name="next"/> when it continues the article first read at <paramref name="first"/>: the same site, and a
    /// path that starts with the first page's path (without its trailing slash and file extension), or the same path with
    /// the first page's query and more; null otherwise.
    /// </summary>
    public static Uri? Continuation(Uri first, string? next)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (!Uri.TryCreate(next, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !SameSite(first, uri))
        {
            return null;
        }

        var stem = Stem(first.AbsolutePath);
        if (stem.Length <= 1)
        {
            return null; // a site's home page: its next page is a listing's
        }

        return uri.AbsolutePath == first.AbsolutePath
            ? uri.Query != first.Query && Pairs(first.Query).IsSubsetOf(Pairs(uri.Query)) ? uri : null
            : uri.AbsolutePath.StartsWith(stem, StringComparison.Ordinal) ? uri : null;
    }

    /// <summary>A query's name=value pairs: ?id=123&amp;page=2 continues ?id=123, ?id=124 is another article.</summary>
    private static HashSet<string> Pairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static bool SameSite(Uri a, Uri b) =>
        string.Equals(UrlCanonicalizer.SiteKey(a.AbsoluteUri) ?? a.Authority, UrlCanonicalizer.SiteKey(b.AbsoluteUri) ?? b.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path without its trailing slash and the extension of its last segment ("/a/story.html" is "/a/story").</summary>
    private static string Stem(string path)
    {
        path = path.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        return dot > slash ? path[..dot] : path;
    }

    private static string Address(Uri url) => url.GetLeftPart(UriPartial.Query);

    [System.Text.RegularExpressions.GeneratedRegex(@"\brel\s*=\s*[""']?[^""'>]*\bnext\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RelNext();
}
