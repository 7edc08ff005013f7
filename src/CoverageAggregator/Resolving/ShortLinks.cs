namespace CoverageAggregator.Resolving;

/// <summary>Hosts whose links only redirect elsewhere: URL shorteners and feed proxies. Their target is the real URL.</summary>
public static class ShortLinks
{
    private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "t.co", "bit.ly", "bitly.com", "j.mp", "ow.ly", "buff.ly", "tinyurl.com", "is.gd", "goo.gl", "lnkd.in", "dlvr.it",
        "trib.al", "fb.me", "wp.me", "amzn.to", "apple.co", "flip.it", "tiny.cc", "shorturl.at", "rebrand.ly", "cutt.ly",
        "feedproxy.google.com", "feeds.feedburner.com", "feedburner.google.com", "rss.feedsportal.com", "feeds.feedblitz.com",
        "substack.com", "open.substack.com", "link.mail.beehiiv.com",
    };

    /// <summary>True for a link on a shortener or feed-proxy host (for feedburner, only its /~r/ redirect links).</summary>
    public static bool IsShortOrProxy(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Hosts.Contains(uri.Host))
        {
            return false;
        }

        return !uri.Host.Contains("feedburner", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.StartsWith("/~r/", StringComparison.Ordinal);
    }
}
