namespace CoverageAggregator.Resolving;

/// <summary>
/// Links that only redirect elsewhere: URL shorteners, feed proxies, app links and the redirectors of sites and mail
/// tools. Their target is the real URL, so they are the links worth following to find an essay link they hide; every
/// other outbound link already says where it goes. The one list of them.
/// </summary>
public static class ShortLinks
{
    private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        // URL shorteners
        "t.co", "bit.ly", "bitly.com", "j.mp", "ow.ly", "buff.ly", "tinyurl.com", "is.gd", "v.gd", "goo.gl", "lnkd.in", "dlvr.it",
        "trib.al", "fb.me", "wp.me", "amzn.to", "apple.co", "flip.it", "tiny.cc", "shorturl.at", "rebrand.ly", "cutt.ly", "s.id",
        "rb.gy", "t.ly", "ift.tt", "hubs.ly", "eepurl.com", "link.medium.com",
        // feed proxies
        "feedproxy.google.com", "feeds.feedburner.com", "feedburner.google.com", "rss.feedsportal.com", "feeds.feedblitz.com",
        // app and newsletter links
        "substack.com", "open.substack.com", "link.mail.beehiiv.com",
        // sites' outbound-link redirectors
        "l.facebook.com", "lm.facebook.com", "out.reddit.com", "href.li", "t.umblr.com",
    };

    /// <summary>Redirectors that share a host with the rest of a site: the host and the path they answer on.</summary>
    private static readonly (string Host, string Path)[] RedirectPaths =
    [
        ("www.google.com", "/url"), ("google.com", "/url"), ("www.youtube.com", "/redirect"), ("news.google.com", "/rss/articles/"),
        ("news.google.com", "/articles/"),
    ];

    /// <summary>True for a link on a shortener or feed-proxy host (for feedburner, only its /~r/ redirect links).</summary>
    public static bool IsShortOrProxy(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Hosts.Contains(uri.Host))
        {
            return false;
        }

        return !uri.Host.Contains("feedburner", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.StartsWith("/~r/", StringComparison.Ordinal);
    }

    /// <summary>
    /// What every link that <see cref="MayRedirect"/> carries in raw HTML ("//bit.ly/", "//www.google.com/url"): a page
    /// with none of them hides no link behind one (<see cref="PageScan"/>).
    /// </summary>
    internal static IEnumerable<string> Needles() =>
        Hosts.Select(h => "//" + h + "/").Concat(RedirectPaths.Select(r => "//" + r.Host + r.Path));

    /// <summary>True for a link that may land somewhere else than it says: a short or proxy link, or a site's redirector.</summary>
    public static bool MayRedirect(string? url) =>
        IsShortOrProxy(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && RedirectPaths.Any(r => string.Equals(uri.Host, r.Host, StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath.StartsWith(r.Path, StringComparison.Ordinal)));
}
