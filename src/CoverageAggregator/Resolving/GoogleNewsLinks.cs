using System.Text;
using AngleSharp.Dom;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// Google News RSS item links (news.google.com/rss/articles/TOKEN). Until 2024 they redirected to the publisher and
/// their token was a base64url protobuf that carries the article URL; newer tokens (CBMi… holding "AU_yqL…") are
/// opaque and the link answers with a Google page (<see cref="GoogleNewsDecoder"/> asks Google for the article). An
/// item's URL must never be a Google News URL: these helpers get the publisher's article back.
/// A link is a Google News link by its host, or, wherever it is served from (a mirror, a proxy, a recorded copy), by
/// its shape: an articles/ or read/ path segment followed by a Google News token.
/// </summary>
public static class GoogleNewsLinks
{
    private static readonly string[] ArticlePaths = ["/rss/articles/", "/articles/", "/read/"];

    public static bool IsGoogleNews(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsGoogleNews(uri);

    public static bool IsGoogleNews(Uri uri) =>
        uri.Host.Equals("news.google.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".news.google.com", StringComparison.OrdinalIgnoreCase)
        || ArticleToken(uri) is not null;

    /// <summary>
    /// The article token of a Google News article link (…/rss/articles/TOKEN, …/articles/TOKEN, …/read/TOKEN): a base64url
    /// protobuf whose first field is a small number and whose second is the article (bytes 08 xx 22); null for any other URL.
    /// </summary>
    public static string? ArticleToken(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindLastIndex(segments, s => s is "articles" or "read");
        if (at < 0 || at + 2 != segments.Length)
        {
            return null;
        }

        var token = segments[at + 1];
        return token.Length >= 8 && FromBase64Url(token) is { Length: > 3 } bytes && bytes[0] == 0x08 && bytes[2] == 0x22 ? token : null;
    }

    /// <summary>Google's batchexecute endpoint beside an article link: the link's path up to its articles/ part, then /_/DotsSplashUi/data/batchexecute.</summary>
    public static Uri BatchExecuteUrl(Uri articleUrl)
    {
        var path = articleUrl.AbsolutePath;
        var cut = ArticlePaths.Select(p => path.IndexOf(p, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        return new Uri(articleUrl, path[..cut] + "/_/DotsSplashUi/data/batchexecute");
    }

    /// <summary>A page Google itself serves (the News reader, its consent wall): the item link did not reach the publisher.</summary>
    public static bool IsGooglePage(Uri uri) =>
        uri.Host.Equals("google.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".google.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>The article URL inside an old-style token (field 4 of the protobuf: 0x22, length, URL); null for opaque tokens.</summary>
    public static string? DecodeArticleUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindLastIndex(segments, s => s is "articles" or "read");
        if (at < 0 || at + 1 >= segments.Length)
        {
            return null;
        }

        var bytes = FromBase64Url(segments[at + 1]);
        if (bytes is null)
        {
            return null;
        }

        for (var i = 0; i + 2 < bytes.Length; i++)
        {
            if (bytes[i] != 0x22)
            {
                continue;
            }

            var (length, start) = Varint(bytes, i + 1);
            if (length > 0 && start + length <= bytes.Length)
            {
                var text = Encoding.UTF8.GetString(bytes, start, length);
                if ((text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal))
                    && UrlCanonicalizer.Canonicalize(text) is { } found && !IsGoogleNews(found))
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>Google News appends " - Outlet" to titles; the publisher's own title has no such suffix.</summary>
    public static string TitleWithoutSource(string title, string? sourceName) =>
        sourceName is { Length: > 0 } && title.EndsWith(" - " + sourceName, StringComparison.Ordinal) ? title[..^(sourceName.Length + 3)].TrimEnd() : title;

    /// <summary>Two titles name the same article: equal words, or one holds the other and they share 80% of their words.</summary>
    public static bool SameTitle(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        var x = Words.Split(a);
        var y = Words.Split(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return false;
        }

        if (x.SequenceEqual(y))
        {
            return true;
        }

        var (shorter, longer) = x.Count <= y.Count ? (x, y) : (y, x);
        return shorter.Count >= 4 && Words.ContainsPhrase(longer, shorter) && shorter.Count >= longer.Count * 0.8;
    }

    /// <summary>The feeds a home page advertises (link rel=alternate), most specific first.</summary>
    internal static IReadOnlyList<string> FeedLinks(IDocument document, Uri baseUrl) =>
        document.QuerySelectorAll("link[rel~=alternate][href]")
            .Where(l => l.GetAttribute("type") is { } type && (type.Contains("rss", StringComparison.OrdinalIgnoreCase) || type.Contains("atom", StringComparison.OrdinalIgnoreCase) || type.Contains("feed+json", StringComparison.OrdinalIgnoreCase)))
            .Select(l => ArticleParser.Absolute(baseUrl, l.GetAttribute("href")))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>A link of the page whose text is the title.</summary>
    internal static string? LinkWithTitle(IDocument document, Uri baseUrl, string title) =>
        document.QuerySelectorAll("a[href]")
            .Where(a => SameTitle(a.TextContent, title))
            .Select(a => ArticleParser.Absolute(baseUrl, a.GetAttribute("href")))
            .FirstOrDefault(u => u is not null);

    private static byte[]? FromBase64Url(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    private static (int Value, int Next) Varint(byte[] bytes, int index)
    {
        var value = 0;
        for (var shift = 0; index < bytes.Length && shift < 28; shift += 7)
        {
            var b = bytes[index++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (value, index);
            }
        }

        return (-1, index);
    }
}
