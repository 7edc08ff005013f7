using System.Xml.Linq;
using CodeHollow.FeedReader;
using static CoverageAggregator.Feeds.FeedXml;

namespace CoverageAggregator.Feeds;

/// <summary>
/// Atom 1.0 (and the older 0.3) feeds and single-entry documents to <see cref="FeedEntry"/>. Links resolve against the
/// xml:base in scope where they appear, text constructs honour type="text|html|xhtml", the feed's author stands in for
/// entries without one, and media:title / media:description (YouTube, Reddit) fill in a missing title or summary.
/// </summary>
internal static class AtomMapper
{
    public static bool IsAtom(XNamespace ns) => ns == Atom || ns == Atom03;

    public static (string? Title, IReadOnlyList<FeedEntry> Entries) Map(XElement root, Uri feedUrl, IReadOnlyDictionary<XElement, FeedItem> read)
    {
        var ns = root.Name.Namespace;
        var entries = root.Name.LocalName == "entry" ? [root] : root.Elements(ns + "entry");
        var feedAuthor = AuthorOf(root, ns);
        var list = entries.Select(entry => ToEntry(entry, read.GetValueOrDefault(entry), ns, feedUrl, feedAuthor)).ToList();
        return (root.Name.LocalName == "feed" ? TextOf(root.Element(ns + "title")) : null, list);
    }

    private static FeedEntry ToEntry(XElement entry, FeedItem? read, XNamespace ns, Uri feedUrl, string? feedAuthor)
    {
        var links = entry.Elements(ns + "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is not "self" and not "edit");
        var link = alternate is null ? null : Absolute(XmlBase(alternate, feedUrl), (string?)alternate.Attribute("href"));
        var contentElement = entry.Element(ns + "content");
        var content = ContentOf(contentElement);
        var summary = ContentOf(entry.Element(ns + "summary")) ?? Html(MediaText(entry, "description"));
        // Text constructs (type="html|xhtml") are read here; FeedReader's raw title is the fallback.
        var title = TextOf(entry.Element(ns + "title")) ?? Clean(read?.Title) ?? Clean(MediaText(entry, "title"));
        var sourceElement = entry.Element(ns + "source");
        return new FeedEntry
        {
            Id = EntryIdentity.Of(NullIfEmpty(read?.Id) ?? NullIfEmpty(entry.Element(ns + "id")?.Value), link, title, content ?? summary),
            Title = title,
            Link = link,
            ContentHtml = content ?? summary,
            SummaryHtml = summary,
            Author = AuthorOf(entry, ns) ?? (sourceElement is null ? null : AuthorOf(sourceElement, ns)) ?? PersonName(entry.Element(Dc + "creator")?.Value) ?? feedAuthor,
            PublishedAt = FirstDate(
                entry.Element(ns + "published")?.Value, entry.Element(ns + "issued")?.Value, entry.Element(ns + "created")?.Value,
                entry.Element(ns + "updated")?.Value, entry.Element(ns + "modified")?.Value, entry.Element(Dc + "date")?.Value),
            ContentBase = contentElement is not null ? XmlBase(contentElement, feedUrl) : link is not null ? new Uri(link) : XmlBase(entry, feedUrl),
            SourceName = TextOf(sourceElement?.Element(ns + "title")),
            SourceUrl = sourceElement?.Elements(ns + "link").Select(l => Absolute(XmlBase(l, feedUrl), (string?)l.Attribute("href"))).FirstOrDefault(u => u is not null),
        };
    }

    private static string? AuthorOf(XElement element, XNamespace ns)
    {
        var names = element.Elements(ns + "author").Select(a => PersonName(a.Element(ns + "name")?.Value) ?? PersonName(a.Element(ns + "email")?.Value))
            .OfType<string>().ToList();
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>A text construct as plain text: type="html" and "xhtml" lose their markup.</summary>
    private static string? TextOf(XElement? element) => element is null ? null
        : (string?)element.Attribute("type") switch
        {
            "html" or "text/html" => CleanHtml(element.Value),
            "xhtml" or "application/xhtml+xml" => Clean(string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value + " "))),
            _ => Clean(element.Value),
        };

    /// <summary>Content or summary as HTML: text is escaped, xhtml keeps the inner markup of its div, html is as given.</summary>
    private static string? ContentOf(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return (string?)element.Attribute("type") switch
        {
            "xhtml" or "application/xhtml+xml" => Html(string.Concat((element.Elements().FirstOrDefault() ?? element).Nodes()
                .Select(n => n is XElement e ? StripNamespaces(e).ToString(SaveOptions.DisableFormatting) : n.ToString()))),
            "text" or "text/plain" => Html(System.Net.WebUtility.HtmlEncode(element.Value)),
            _ when element.Attribute("src") is not null && element.IsEmpty => null,
            _ => Html(element.Value),
        };
    }

    private static XElement StripNamespaces(XElement element) =>
        new(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(n => n is XElement e ? StripNamespaces(e) : n));
}
