using System.Xml.Linq;
using CodeHollow.FeedReader;
using static CoverageAggregator.Feeds.FeedXml;

namespace CoverageAggregator.Feeds;

/// <summary>
/// RSS 0.9x and 2.0 (&lt;rss&gt;&lt;channel&gt;&lt;item&gt;, no namespace) and RSS 1.0 / 0.90 (RDF: items beside the channel, in
/// the RSS 1.0 namespace) to <see cref="FeedEntry"/>. Extensions read: content:encoded, dc:creator, dc:date, Atom links,
/// media:title and media:description (as fallbacks), the &lt;source&gt; element.
/// </summary>
internal static class RssMapper
{
    public static (string? Title, IReadOnlyList<FeedEntry> Entries) Map(XElement root, Uri feedUrl, IReadOnlyDictionary<XElement, FeedItem> read)
    {
        var channel = root.Name.LocalName == "channel" ? root : Child(root, "channel");
        var items = (channel?.Elements() ?? []).Concat(root.Elements())
            .Where(e => e.Name.LocalName == "item" && IsRssNamespace(e.Name.Namespace))
            .Distinct();
        var channelBase = channel is null ? XmlBase(root, feedUrl) : XmlBase(channel, feedUrl);
        var channelAuthor = PersonName(channel?.Element(Dc + "creator")?.Value) ?? PersonName(channel?.Element(ITunes + "author")?.Value);
        var entries = items.Select(item => ToEntry(item, read.GetValueOrDefault(item), feedUrl, channelAuthor)).ToList();
        return (Clean(Child(channel, "title")?.Value), entries);
    }

    private static FeedEntry ToEntry(XElement item, FeedItem? read, Uri feedUrl, string? channelAuthor)
    {
        var itemBase = XmlBase(item, feedUrl);
        var guid = Child(item, "guid");
        var guidText = NullIfEmpty(read?.Id) ?? NullIfEmpty(guid?.Value);
        var guidIsLink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var atomLink = item.Elements(Atom + "link")
            .FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        var link = Absolute(itemBase, read?.Link)
            ?? Absolute(itemBase, Child(item, "link")?.Value)
            ?? Absolute(itemBase, atomLink)
            ?? (guidIsLink ? Absolute(itemBase, guidText) : null)
            ?? Absolute(itemBase, (string?)item.Attribute(Rdf + "about"));
        var description = Html(read?.Description) ?? Html(Child(item, "description")?.Value);
        // content:encoded first: for an RSS 1.0 item FeedReader's Content is its description, the full text only the module gives.
        var content = Html(item.Element(Content + "encoded")?.Value) ?? Html(read?.Content);
        var title = Clean(read?.Title) ?? Clean(Child(item, "title")?.Value) ?? Clean(item.Element(Dc + "title")?.Value) ?? Clean(MediaText(item, "title"));
        var summary = description ?? Html(MediaText(item, "description")) ?? Html(item.Element(ITunes + "summary")?.Value);
        var source = Child(item, "source");
        return new FeedEntry
        {
            Id = EntryIdentity.Of(guidText ?? (string?)item.Attribute(Rdf + "about"), link, title, content ?? summary),
            Title = title,
            Link = link,
            ContentHtml = content ?? summary,
            SummaryHtml = summary,
            Author = PersonName(item.Element(Dc + "creator")?.Value) ?? PersonName(Child(item, "author")?.Value)
                ?? PersonName(item.Element(ITunes + "author")?.Value) ?? channelAuthor,
            PublishedAt = FirstDate(
                Child(item, "pubDate")?.Value, item.Element(Dc + "date")?.Value, item.Element(DcTerms + "issued")?.Value,
                item.Element(Atom + "published")?.Value, item.Element(Atom + "updated")?.Value, item.Element(DcTerms + "modified")?.Value),
            ContentBase = link is not null ? new Uri(link) : itemBase,
            SourceName = Clean(source?.Value),
            SourceUrl = Absolute(itemBase, (string?)source?.Attribute("url")),
        };
    }
}
