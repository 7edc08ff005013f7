using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace CoverageAggregator.Feeds;

/// <summary>
/// CodeHollow.FeedReader reads the items of RSS 0.91/0.92/1.0/2.0 and Atom 1.0 feeds, from the tree that
/// <see cref="FeedParser"/> built with DTD processing off. FeedReader's own entry points are never called: its
/// XDocument.Parse processes DTDs and its HTTP ignores status codes. The mappers take FeedReader's item fields first and
/// read what it does not model (xml:base, media:*, dc:*, &lt;source&gt;) from the same elements.
/// </summary>
internal static class FeedReaderItems
{
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>FeedReader's item for each item element; empty where FeedReader does not know the format or cannot read it.</summary>
    public static IReadOnlyDictionary<XElement, FeedItem> Read(XElement root, string text)
    {
        try
        {
            var feed = Typed(root, text)?.ToFeed();
            return feed is null
                ? new Dictionary<XElement, FeedItem>()
                : feed.Items.Where(i => i.SpecificItem?.Element is not null)
                    .GroupBy(i => i.SpecificItem.Element)
                    .ToDictionary(g => g.Key, g => g.First());
        }
        catch (Exception ex) when (ex is NullReferenceException or FormatException or ArgumentException or InvalidOperationException)
        {
            // An odd document FeedReader cannot model: the mappers read the elements themselves.
            return new Dictionary<XElement, FeedItem>();
        }
    }

    private static BaseFeed? Typed(XElement root, string text)
    {
        if (root.Name == "rss" && root.Element("channel") is { } channel)
        {
            return (string?)root.Attribute("version") switch
            {
                "0.91" => new Rss091Feed(text, channel),
                "0.92" => new Rss092Feed(text, channel),
                _ => new Rss20Feed(text, channel),
            };
        }

        if (root.Name.LocalName == "RDF" && root.Element(Rss10 + "channel") is { } rdfChannel)
        {
            return new Rss10Feed(text, rdfChannel);
        }

        return root.Name == Atom + "feed" ? new AtomFeed(text, root) : null;
    }
}
