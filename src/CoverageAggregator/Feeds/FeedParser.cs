using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CoverageAggregator.Feeds;

/// <summary>
/// The one entry point for feeds: bytes in, <see cref="ParsedFeed"/> out. The document is loaded with
/// <see cref="XmlReader"/> with DTD processing off and no resolver; CodeHollow.FeedReader reads its items from that tree
/// (<see cref="FeedReaderItems"/>), and RSS 0.9x/1.0/2.0 (<see cref="RssMapper"/>), Atom 1.0 and 0.3 feeds and entry
/// documents (<see cref="AtomMapper"/>) map them, with what FeedReader does not model; JSON Feed through System.Text.Json. A document that declares entities is refused
/// (entity expansion and external entities are never processed); a bare DOCTYPE is ignored. Malformed XML gets one
/// lenient repair pass (<see cref="XmlRepair"/>) that records a warning.
/// </summary>
public static partial class FeedParser
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024, // belt and braces: with DTDs ignored no entity is ever declared (0 would mean unlimited)
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        CheckCharacters = true,
    };

    public static ParsedFeed Parse(byte[] body, Uri feedUrl, string? httpCharset = null)
    {
        ArgumentNullException.ThrowIfNull(body);
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

        if (EntityDeclaration().IsMatch(Prolog(text)))
        {
            throw new FeedFormatException("the feed declares DTD entities; refused (entity expansion and external entities are never processed)");
        }

        var warnings = new List<string>();
        XElement root;
        var truncated = false;
        try
        {
            root = Load(text);
        }
        catch (XmlException strict)
        {
            try
            {
                root = Load(XmlRepair.Repair(text, out truncated));
            }
            catch (XmlException lenient)
            {
                throw new FeedFormatException($"not a readable feed: {strict.Message}", lenient);
            }

            warnings.Add($"not well-formed XML ({strict.Message}); recovered leniently");
        }

        var (title, entries) = Map(root, feedUrl, FeedReaderItems.Read(root, text));
        if (truncated && entries.Count == 0)
        {
            throw new FeedFormatException("the document is truncated before its first complete item");
        }

        return new ParsedFeed(title, entries, warnings);
    }

    /// <summary>
    /// The text before the first element: the only place a DTD can be, so that a post quoting "&lt;!ENTITY" in a CDATA
    /// section is not refused. Whatever this screen misses, the reader ignores DTDs anyway.
    /// </summary>
    private static ReadOnlySpan<char> Prolog(string text)
    {
        var root = FirstElement().Match(text);
        return root.Success ? text.AsSpan(0, root.Index) : text;
    }

    private static (string? Title, IReadOnlyList<FeedEntry> Entries) Map(XElement root, Uri feedUrl, IReadOnlyDictionary<XElement, CodeHollow.FeedReader.FeedItem> read)
    {
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF" || root.Name.LocalName == "channel")
        {
            return RssMapper.Map(root, feedUrl, read);
        }

        // Atom 1.0 and 0.3; a <feed> in no or another namespace is read as Atom too.
        if (root.Name.LocalName == "feed" || (root.Name.LocalName == "entry" && AtomMapper.IsAtom(root.Name.Namespace)))
        {
            return AtomMapper.Map(root, feedUrl, read);
        }

        throw new FeedFormatException($"not RSS, Atom or JSON Feed (root element <{root.Name.LocalName}>)");
    }

    /// <summary>An http(s) URL made absolute against a base, or null (also used by the article parser).</summary>
    internal static string? Absolute(Uri baseUrl, string? href) => FeedXml.Absolute(baseUrl, href);

    private static XElement Load(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        var document = XDocument.Load(reader, LoadOptions.None);
        return document.Root ?? throw new XmlException("no root element");
    }

    [GeneratedRegex(@"<[A-Za-z_]")]
    private static partial Regex FirstElement();

    [GeneratedRegex(@"<!ENTITY|<!DOCTYPE[^>\[]*\[", RegexOptions.IgnoreCase)]
    private static partial Regex EntityDeclaration();
}
