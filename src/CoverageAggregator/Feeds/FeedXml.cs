using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CoverageAggregator.Feeds;

/// <summary>Namespaces and text helpers shared by the RSS and Atom mappers.</summary>
internal static partial class FeedXml
{
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>The first child with this local name, whatever its namespace (RSS 0.9x/2.0 have none, RSS 1.0 has its own).</summary>
    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName && IsRssNamespace(e.Name.Namespace));

    public static bool IsRssNamespace(XNamespace ns) =>
        ns == XNamespace.None || ns.NamespaceName is "http://purl.org/rss/1.0/" or "http://my.netscape.com/rdf/simple/0.9/"
            or "http://backend.userland.com/rss2" or "http://backend.userland.com/rss";

    /// <summary>media:title / media:description of an item, directly or inside media:group or media:content.</summary>
    public static string? MediaText(XElement item, string localName) =>
        item.Element(Media + localName)?.Value is { } direct && !string.IsNullOrWhiteSpace(direct) ? direct
        : item.Elements(Media + "group").Concat(item.Elements(Media + "content"))
            .SelectMany(e => e.Elements(Media + localName).Concat(e.Elements(Media + "content").Elements(Media + localName)))
            .Select(e => e.Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The effective xml:base of an element: every xml:base from the root down, resolved in turn.</summary>
    public static Uri XmlBase(XElement element, Uri documentUrl)
    {
        var result = documentUrl;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var value = (string?)ancestor.Attribute(XNamespace.Xml + "base");
            if (!string.IsNullOrWhiteSpace(value) && Uri.TryCreate(result, value.Trim(), out var resolved))
            {
                result = resolved;
            }
        }

        return result;
    }

    /// <summary>An http(s) URL made absolute against <paramref name="baseUrl"/>, or null.</summary>
    public static string? Absolute(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, href.Trim(), out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>Plain text for titles and names: entities decoded once more (feeds double-encode), whitespace collapsed.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Whitespace().Replace(TextRepair.Repair(WebUtility.HtmlDecode(value)), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Plain text of an HTML fragment (an Atom type="html" title): tags dropped, then <see cref="Clean"/>.</summary>
    public static string? CleanHtml(string? value) => Clean(value is null ? null : Tag().Replace(value, " "));

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>HTML content or summary: trimmed, null when empty, double-encoding and C1 punctuation repaired.</summary>
    public static string? Html(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextRepair.Repair(value.Trim());

    /// <summary>RSS 2.0 &lt;author&gt; is "email (Name)"; a bare email address is not a name.</summary>
    public static string? PersonName(string? value)
    {
        var author = Clean(value);
        if (author is null)
        {
            return null;
        }

        var named = EmailWithName().Match(author);
        return named.Success ? named.Groups[1].Value.Trim() : author.Contains('@') && !author.Contains(' ') ? null : author;
    }

    public static DateTimeOffset? FirstDate(params string?[] candidates) =>
        candidates.Select(DateParsing.Parse).FirstOrDefault(d => d is not null);

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\S+@\S+\s*\((.+)\)$")]
    private static partial Regex EmailWithName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
