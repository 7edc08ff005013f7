using System.Text;

namespace CoverageAggregator.Matching;

/// <summary>
/// Pure URL cleaning. <see cref="Canonicalize"/> gives the URL to show and store: lower-case scheme and host, no
/// default port, no fragment, no tracking parameters (<see cref="TrackingParameters"/>), no AMP form.
/// <see cref="Key"/> goes further for identity comparison: scheme, www./m./mobile./amp., a trailing slash, index pages
/// and the order of query parameters do not count. Link wrappers (Google Alerts /url, Facebook l.php, AMP caches and the
/// Google AMP viewer) are unwrapped to their target. Short links and feed proxies need a fetch: PageResolver follows them.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly string[] MobilePrefixes = ["www.", "m.", "mobile.", "amp."];

    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        uri = UnwrapRedirector(UnwrapAmpCache(uri));
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        var path = StripAmpPath(uri.AbsolutePath);
        var query = CleanQuery(uri.Query);
        var builder = new StringBuilder();
        builder.Append(uri.Scheme).Append("://").Append(host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(path.Length == 0 ? "/" : path);
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The site a URL belongs to: its host in lower case without a www./m./mobile./amp. prefix. Null for a URL that
    /// cannot be read or whose host is an address literal (which says nothing about the site).
    /// </summary>
    public static string? SiteKey(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.HostNameType == UriHostNameType.Dns ? SiteOf(uri) : null;

    /// <summary>The site of a URL's host, address literals included (two links on one loopback server are one site).</summary>
    public static string SiteOf(Uri uri) => SiteOf(uri.Host.ToLowerInvariant());

    private static string SiteOf(string host)
    {
        foreach (var prefix in MobilePrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Count(c => c == '.') >= 2)
            {
                return host[prefix.Length..];
            }
        }

        return host;
    }

    /// <summary>The identity of a URL: what two URLs of the same page have in common.</summary>
    public static string? Key(string? url)
    {
        var canonical = Canonicalize(url);
        if (canonical is null)
        {
            return null;
        }

        var uri = new Uri(canonical);
        var host = SiteOf(uri.Host);
        var path = uri.AbsolutePath.TrimEnd('/');
        foreach (var suffix in new[] { "/index.html", "/index.htm", "/index.php" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^suffix.Length];
            }
        }

        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var query = uri.Query.Length > 1
            ? "?" + string.Join('&', uri.Query[1..].Split('&').Order(StringComparer.Ordinal))
            : "";
        return host + port + path + query;
    }

    /// <summary>
    /// Link wrappers that carry their target in the query or the path: Google Alerts and search (google.com/url?url= or q=),
    /// Facebook's link shim (l.facebook.com/l.php?u=), and the Google AMP viewer (google.com/amp/s/example.com/x).
    /// </summary>
    private static Uri UnwrapRedirector(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var isGoogle = host is "google.com" or "www.google.com" || (host.StartsWith("www.google.", StringComparison.Ordinal) && host.Count(c => c == '.') <= 3);
        if (isGoogle && uri.AbsolutePath == "/url")
        {
            return Target(uri, "url") ?? Target(uri, "q") ?? uri;
        }

        if (isGoogle && uri.AbsolutePath.StartsWith("/amp/s/", StringComparison.Ordinal)
            && Uri.TryCreate("https://" + uri.AbsolutePath["/amp/s/".Length..] + uri.Query, UriKind.Absolute, out var amp))
        {
            return amp;
        }

        if (host is "l.facebook.com" or "lm.facebook.com" && uri.AbsolutePath == "/l.php")
        {
            return Target(uri, "u") ?? uri;
        }

        return uri;
    }

    private static Uri? Target(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == name
                && Uri.TryCreate(Uri.UnescapeDataString(parts[1].Replace('+', ' ')), UriKind.Absolute, out var target)
                && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps))
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>cdn.ampproject.org/c/s/example.com/x → https://example.com/x (and the /v/ viewer form).</summary>
    private static Uri UnwrapAmpCache(Uri uri)
    {
        if (!uri.Host.EndsWith(".cdn.ampproject.org", StringComparison.OrdinalIgnoreCase) && !uri.Host.Equals("cdn.ampproject.org", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        var path = uri.AbsolutePath;
        foreach (var (prefix, scheme) in new[] { ("/c/s/", "https://"), ("/v/s/", "https://"), ("/i/s/", "https://"), ("/c/", "http://"), ("/v/", "http://") })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal)
                && Uri.TryCreate(scheme + path[prefix.Length..] + uri.Query, UriKind.Absolute, out var inner))
            {
                return inner;
            }
        }

        return uri;
    }

    private static string StripAmpPath(string path)
    {
        foreach (var suffix in new[] { "/amp/", "/amp", ".amp.html", "/amp.html" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && path.Length > suffix.Length)
            {
                var stripped = path[..^suffix.Length];
                return suffix.EndsWith('/') ? stripped + "/" : suffix == ".amp.html" ? stripped + ".html" : stripped;
            }
        }

        if (path.StartsWith("/amp/", StringComparison.OrdinalIgnoreCase) && path.Length > 5)
        {
            return path[4..];
        }

        return path;
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !TrackingParameters.IsTracking(Uri.UnescapeDataString(pair.Split('=', 2)[0])));
        return string.Join('&', kept);
    }
}
