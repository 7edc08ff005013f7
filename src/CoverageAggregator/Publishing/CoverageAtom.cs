using System.Globalization;
using System.Text;
using System.Xml;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The coverage as an Atom 1.0 feed, one entry per item, so readers can subscribe in a feed reader. An entry's summary
/// says its engagement in words; ca:engagement carries the counts, and thr:in-reply-to the item a reply answers.
/// </summary>
public static class CoverageAtom
{
    /// <summary>The Atom Threading Extensions (RFC 4685): thr:in-reply-to names the entry a reply answers.</summary>
    private const string Thread = "http://purl.org/syndication/thread/1.0";

    /// <summary>This project's element for engagement counts (ca:engagement likes=… reposts=… replies=… quotes=… points=… total=…).</summary>
    public const string EngagementNs = "urn:coverage-aggregator:engagement";

    public static string Render(CoverageExport export, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        var self = (baseUrl?.TrimEnd('/') ?? "") + CoveragePage.EssayPath(export.Essay.Id);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using (var writer = XmlWriter.Create(new StringWriter(builder), settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            var threads = new CoverageThreads(export.Items);
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", ns);
            writer.WriteAttributeString("xmlns", "thr", null, Thread);
            writer.WriteAttributeString("xmlns", "ca", null, EngagementNs);
            writer.WriteElementString("id", ns, "urn:coverage:" + export.Essay.Id);
            writer.WriteElementString("title", ns, Clean("Coverage: " + export.Essay.Title));
            writer.WriteElementString("updated", ns, Stamp(export.Items.Count > 0 ? export.Items.Max(i => i.FirstSeenAt) : export.GeneratedAt));
            Link(writer, ns, "self", self + "/coverage.atom", "application/atom+xml");
            Link(writer, ns, "alternate", self + "/coverage", "text/html");
            writer.WriteStartElement("generator", ns);
            writer.WriteString("CoverageAggregator");
            writer.WriteEndElement();
            foreach (var item in export.Items)
            {
                writer.WriteStartElement("entry", ns);
                writer.WriteElementString("id", ns, EntryId(export.Essay.Id, item.Url));
                writer.WriteElementString("title", ns, Clean(item.Title ?? item.Excerpt ?? item.Url));
                writer.WriteElementString("updated", ns, Stamp(item.FirstSeenAt));
                if (item.PublishedAt is { } published)
                {
                    writer.WriteElementString("published", ns, Stamp(published));
                }

                if (Html.Href(item.Url) is not null)
                {
                    Link(writer, ns, "alternate", new Uri(item.Url).AbsoluteUri, null);
                }

                writer.WriteStartElement("author", ns);
                writer.WriteElementString("name", ns, Clean(item.Author ?? item.Outlet ?? "unknown"));
                writer.WriteEndElement();
                writer.WriteStartElement("category", ns);
                writer.WriteAttributeString("term", item.Kind);
                writer.WriteEndElement();
                writer.WriteStartElement("summary", ns);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(Clean(Summary(item)));
                writer.WriteEndElement();
                WriteEngagement(writer, item.Engagement);
                WriteInReplyTo(writer, export.Essay.Id, item, threads.Above(item));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The engagement counts the platform reported, as attributes of ca:engagement (total included).</summary>
    private static void WriteEngagement(XmlWriter writer, Coverage.Engagement? engagement)
    {
        if (engagement is null)
        {
            return;
        }

        writer.WriteStartElement("ca", "engagement", EngagementNs);
        foreach (var (name, count) in new[] { ("likes", engagement.Likes), ("reposts", engagement.Reposts), ("replies", engagement.Replies), ("quotes", engagement.Quotes), ("points", engagement.Points) })
        {
            if (count is { } n)
            {
                writer.WriteAttributeString(name, n.ToString(CultureInfo.InvariantCulture));
            }
        }

        writer.WriteAttributeString("total", engagement.Total.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndElement();
    }

    /// <summary>A reply, quote or comment names what it answers (RFC 4685): the parent's entry when it is in the feed, else its URL.</summary>
    private static void WriteInReplyTo(XmlWriter writer, string essayId, ExportItem item, ExportItem? parent)
    {
        var target = parent?.Url ?? item.Parent;
        if (target is null || parent is { Kind: Coverage.CoverageKinds.Article })
        {
            return;
        }

        writer.WriteStartElement("thr", "in-reply-to", Thread);
        writer.WriteAttributeString("ref", parent is null ? target : EntryId(essayId, parent.Url));
        if (Html.Href(target) is not null)
        {
            writer.WriteAttributeString("href", new Uri(target).AbsoluteUri);
        }

        writer.WriteEndElement();
    }

    private static string EntryId(string essayId, string url) => "urn:coverage:" + essayId + ":" + Feeds.EntryIdentity.Hash(url);

    private static string Summary(ExportItem item)
    {
        var parts = new List<string> { $"{item.Outlet} · cites by {item.CitesBy}" + (item.Via is { Count: > 0 } via ? " · via " + string.Join(", ", via) : "") };
        if (EngagementText.Of(item.Engagement, item.Kind) is { } engagement)
        {
            parts[0] += " · " + engagement;
        }

        if (item.Quotes.Count > 0)
        {
            parts.Add("“" + item.Quotes[0] + "”");
        }
        else if (item.Excerpt is not null)
        {
            parts.Add(item.Excerpt);
        }

        return string.Join("\n", parts);
    }

    private static void Link(XmlWriter writer, string ns, string rel, string href, string? type)
    {
        writer.WriteStartElement("link", ns);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates).</summary>
    private static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
