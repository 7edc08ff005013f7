using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;

namespace CoverageAggregator.Feeds;

/// <summary>
/// The one entry point for feeds: bytes in, <see cref="ParsedFeed"/> out. RSS 0.9x/1.0/2.0 and Atom go through
/// CodeHollow.FeedReader (never its HTTP), JSON Feed through System.Text.Json. DTDs are never processed: a document
/// that declares entities is refused, a bare DOCTYPE is dropped. Malformed XML gets one lenient repair pass.
/// </summary>
public static partial class FeedParser
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static ParsedFeed Parse(byte[] body, Uri feedUrl, string? httpCharset = null)
    {
        var text = TextDecoding.Decode(body, httpCharset);
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0)
        {
            throw new FeedFormatException("the feed is empty");
        }

        if (start[0] is '{' or '[')
        {
            return JsonFeedParser.Parse(text, feedUrl);
        }

        if (EntityDeclaration().IsMatch(text))
        {
            throw new FeedFormatException("the feed declares DTD entities; refused (entity expansion and external entities are never processed)");
        }

        text = Doctype().Replace(text, "", 1);
        var warnings = new List<string>();
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(text);
        }
        catch (Exception strict) when (IsParseFailure(strict))
        {
            try
            {
                feed = FeedReader.ReadFromString(XmlRepair.Repair(text));
            }
            catch (Exception lenient) when (IsParseFailure(lenient))
            {
                throw new FeedFormatException($"not a readable feed: {strict.Message}", lenient);
            }

            warnings.Add($"not well-formed XML ({strict.Message}); recovered {feed.Items.Count} items leniently");
        }

        if (feed.Type == FeedType.Unknown)
        {
            throw new FeedFormatException("not RSS, Atom or JSON Feed");
        }

        var entries = feed.Items.Select(item => ToEntry(item, feedUrl)).ToList();
        return new ParsedFeed(feed.Title, entries, warnings);
    }

    /// <summary>FeedReader signals a bad document with several exception types, its own among them.</summary>
    private static bool IsParseFailure(Exception ex) =>
        ex is XmlException or ArgumentException or FormatException or NullReferenceException or InvalidOperationException
            || ex.GetType().Namespace?.StartsWith("CodeHollow.FeedReader", StringComparison.Ordinal) == true;

    private static FeedEntry ToEntry(FeedItem item, Uri feedUrl)
    {
        var element = item.SpecificItem?.Element;
        var itemBase = element is null ? feedUrl : XmlBase(element, feedUrl);
        var link = Absolute(itemBase, element?.Name.Namespace == Atom ? AtomLink(element) ?? item.Link : item.Link);
        var contentElement = element?.Element(Atom + "content");
        var contentBase = contentElement is not null ? XmlBase(contentElement, feedUrl)
            : link is not null ? new Uri(link) : itemBase;
        var source = element?.Element("source");
        return new FeedEntry
        {
            Id = EntryIdentity.Of(item.Id, link, item.Title, item.Content ?? item.Description),
            Title = Clean(item.Title),
            Link = link,
            ContentHtml = NullIfEmpty(item.Content),
            SummaryHtml = NullIfEmpty(item.Description),
            Author = AuthorOf(item, element),
            PublishedAt = DateOf(item, element),
            ContentBase = contentBase,
            SourceName = Clean(source?.Value),
            SourceUrl = source?.Attribute("url")?.Value,
        };
    }

    private static string? AtomLink(XElement entry) =>
        entry.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    private static string? AuthorOf(FeedItem item, XElement? element)
    {
        var creator = element?.Element(Dc + "creator")?.Value;
        var author = Clean(creator) ?? Clean(element?.Element(Atom + "author")?.Element(Atom + "name")?.Value) ?? Clean(item.Author);
        if (author is null)
        {
            return null;
        }

        // RSS 2.0 <author> is "email (Name)".
        var named = EmailWithName().Match(author);
        return named.Success ? named.Groups[1].Value.Trim() : author.Contains('@') && !author.Contains(' ') ? null : author;
    }

    private static DateTimeOffset? DateOf(FeedItem item, XElement? element)
    {
        var candidates = new[]
        {
            element?.Element("pubDate")?.Value,
            element?.Element(Dc + "date")?.Value,
            element?.Element(Atom + "published")?.Value,
            element?.Element(Atom + "updated")?.Value,
            item.PublishingDateString,
        };
        return candidates.Select(DateParsing.Parse).FirstOrDefault(d => d is not null);
    }

    /// <summary>The effective xml:base of an element: every xml:base from the root down, resolved in turn.</summary>
    internal static Uri XmlBase(XElement element, Uri documentUrl)
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

    internal static string? Absolute(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, href.Trim(), out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Whitespace().Replace(System.Net.WebUtility.HtmlDecode(value), " ").Trim();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"<!ENTITY|<!DOCTYPE[^>\[]*\[", RegexOptions.IgnoreCase)]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex(@"<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();

    [GeneratedRegex(@"^\S+@\S+\s*\((.+)\)$")]
    private static partial Regex EmailWithName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
