using System.Text.RegularExpressions;

namespace CoverageAggregator.Matching;

/// <summary>
/// Snapshots of a page in a web archive, which carry the page's URL in their own: the Wayback Machine
/// (web.archive.org/web/20260505120000/https://…, with or without a mode suffix such as id_ or if_, and with the
/// scheme's slashes collapsed) and archive.today under its names (archive.today, .ph, .is, .li, .vn, .fo, .md:
/// /20260505120000/https://…, /newest/…, /oldest/…). A link to a snapshot of the essay is a link to the essay.
/// archive.today's short ids (archive.ph/AbCdE) carry no URL and are not read.
/// </summary>
public static partial class ArchiveLinks
{
    private static readonly HashSet<string> ArchiveToday = new(StringComparer.OrdinalIgnoreCase)
    {
        "archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.fo", "archive.md",
    };

    /// <summary>The archived page's URL, or null when <paramref name="url"/> is not a snapshot that names one.</summary>
    public static string? Original(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = UrlCanonicalizer.SiteOf(uri);
        var path = uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        var match = host.Equals("web.archive.org", StringComparison.OrdinalIgnoreCase) ? WaybackPath().Match(path)
            : ArchiveToday.Contains(host) ? ArchiveTodayPath().Match(path)
            : Match.Empty;
        if (!match.Success)
        {
            return null;
        }

        var inner = SlashesAfterScheme().Replace(match.Groups["url"].Value, "$1://");
        if (!inner.Contains("://", StringComparison.Ordinal))
        {
            inner = "https://" + inner;
        }

        return Uri.TryCreate(inner, UriKind.Absolute, out var original) && original.Scheme is "http" or "https" ? original.AbsoluteUri : null;
    }

    [GeneratedRegex(@"^/web/\d{1,14}(?:[a-z]{2}_)?\*?/(?<url>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WaybackPath();

    [GeneratedRegex(@"^/(?:\d{8,14}|newest|oldest)/(?<url>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ArchiveTodayPath();

    [GeneratedRegex(@"^(https?):/+", RegexOptions.IgnoreCase)]
    private static partial Regex SlashesAfterScheme();
}
