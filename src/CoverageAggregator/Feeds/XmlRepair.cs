using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Feeds;

/// <summary>
/// The lenient fallback for feeds that are not well-formed XML: junk before the prolog, control characters,
/// bare ampersands, HTML-only named entities, and a document cut off mid-way. It rewrites the text so that a
/// strict parser can read whatever items are complete.
/// </summary>
public static partial class XmlRepair
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    public static string Repair(string xml)
    {
        var text = StripJunkBeforeProlog(xml);
        text = ControlCharacters().Replace(text, "");
        text = Entity().Replace(text, FixEntity);
        text = BareAmpersand().Replace(text, "&amp;");
        return CloseTruncated(text);
    }

    private static string StripJunkBeforeProlog(string xml)
    {
        var start = xml.IndexOf('<');
        return start > 0 ? xml[start..] : xml;
    }

    private static string FixEntity(Match match)
    {
        var name = match.Groups[1].Value;
        if (XmlEntities.Contains(name) || name.StartsWith('#'))
        {
            return match.Value;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        if (decoded == match.Value)
        {
            return "&amp;" + name + ";";
        }

        var builder = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes())
        {
            builder.Append("&#").Append(rune.Value).Append(';');
        }

        return builder.ToString();
    }

    /// <summary>Cuts a truncated document after its last complete item and closes the open containers.</summary>
    private static string CloseTruncated(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith("</rss>", StringComparison.Ordinal) || trimmed.EndsWith("</feed>", StringComparison.Ordinal)
            || trimmed.EndsWith("</rdf:RDF>", StringComparison.Ordinal))
        {
            return text;
        }

        foreach (var (itemEnd, closing) in new[]
                 {
                     ("</item>", text.Contains("<rdf:RDF", StringComparison.Ordinal) ? "</rdf:RDF>" : "</channel></rss>"),
                     ("</entry>", "</feed>"),
                 })
        {
            var last = text.LastIndexOf(itemEnd, StringComparison.Ordinal);
            if (last >= 0)
            {
                return text[..(last + itemEnd.Length)] + closing;
            }
        }

        return text;
    }

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"&(#?[A-Za-z0-9]+);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"&(?!(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)")]
    private static partial Regex BareAmpersand();
}
