using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Feeds;

/// <summary>
/// The lenient fallback for feeds that are not well-formed XML: junk before the prolog or after the root, an XML
/// declaration that is not first, control characters, bare ampersands, HTML-only named entities (&amp;nbsp;), undeclared namespace prefixes, and a
/// document cut off mid-way. It rewrites the text so that a strict parser can read whatever items are complete.
/// </summary>
public static partial class XmlRepair
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    public static string Repair(string xml) => Repair(xml, out _);

    /// <param name="xml">The document as decoded text.</param>
    /// <param name="truncated">Set when the document ended before its root closed and was cut after its last complete item.</param>
    public static string Repair(string xml, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var text = StripJunkBeforeProlog(xml);
        text = ControlCharacters().Replace(text, "");
        text = Entity().Replace(text, FixEntity);
        text = BareAmpersand().Replace(text, "&amp;");
        text = DeclareUnknownPrefixes(text);
        text = StripJunkAfterRoot(text);
        return CloseTruncated(text, out truncated);
    }

    /// <summary>Drops anything before the prolog or the feed's root (a PHP notice, a BOM, whitespace), and an XML declaration that is not first.</summary>
    private static string StripJunkBeforeProlog(string xml)
    {
        var start = FeedStart().Match(xml) is { Success: true } found ? found.Index : xml.IndexOf('<', StringComparison.Ordinal);
        var text = start > 0 ? xml[start..] : xml;
        var declaration = LateDeclaration().Match(text);
        return declaration.Success && declaration.Index > 0 ? text.Remove(declaration.Index, declaration.Length) : text;
    }

    /// <summary>Drops anything after the feed's closing root tag (a PHP warning, a second document).</summary>
    private static string StripJunkAfterRoot(string text)
    {
        foreach (var closing in (string[])["</rss>", "</feed>", "</rdf:RDF>"])
        {
            var end = text.LastIndexOf(closing, StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[..(end + closing.Length)];
            }
        }

        return text;
    }

    private static string FixEntity(Match match)
    {
        var name = match.Groups[1].Value;
        if (name.StartsWith('#'))
        {
            // A reference to a character XML forbids (&#1;, &#xFFFE;) is dropped like the character itself.
            var isHex = name.Length > 1 && name[1] is 'x' or 'X';
            var parsed = int.TryParse(name.AsSpan(isHex ? 2 : 1), isHex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var code);
            return parsed && !IsXmlChar(code) ? "" : match.Value;
        }

        if (XmlEntities.Contains(name))
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

    private static bool IsXmlChar(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>A prefix used on an element or attribute but declared nowhere gets a placeholder namespace on the root.</summary>
    private static string DeclareUnknownPrefixes(string text)
    {
        var declared = DeclaredPrefix().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        declared.Add("xml");
        declared.Add("xmlns");
        var missing = UsedPrefix().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(p => !declared.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return text;
        }

        var root = RootTag().Match(text);
        if (!root.Success)
        {
            return text;
        }

        var declarations = string.Concat(missing.Select(p => $" xmlns:{p}=\"urn:undeclared:{p}\""));
        return text.Insert(root.Groups[1].Index + root.Groups[1].Length, declarations);
    }

    /// <summary>
    /// A document cut off before its root closed: drop a trailing partial tag and any item or entry that did not finish,
    /// then close the elements still open.
    /// </summary>
    private static string CloseTruncated(string text, out bool truncated)
    {
        truncated = false;
        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith("</rss>", StringComparison.Ordinal) || trimmed.EndsWith("</feed>", StringComparison.Ordinal)
            || trimmed.EndsWith("</rdf:RDF>", StringComparison.Ordinal) || trimmed.EndsWith("/>", StringComparison.Ordinal))
        {
            return text;
        }

        truncated = true;
        var cdata = trimmed.LastIndexOf("<![CDATA[", StringComparison.Ordinal);
        if (cdata >= 0 && trimmed.IndexOf("]]>", cdata, StringComparison.Ordinal) < 0)
        {
            trimmed = trimmed[..cdata];
        }

        var lastOpen = trimmed.LastIndexOf('<');
        if (lastOpen > trimmed.LastIndexOf('>'))
        {
            trimmed = trimmed[..lastOpen];
        }

        foreach (var item in new[] { "item", "entry" })
        {
            var lastStart = LastStartTag(trimmed, item);
            if (lastStart >= 0 && trimmed.IndexOf($"</{item}>", lastStart, StringComparison.Ordinal) < 0)
            {
                trimmed = trimmed[..lastStart];
            }
        }

        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(CommentOrCdata().Replace(trimmed, "")))
        {
            var name = tag.Groups[2].Value;
            if (tag.Groups[1].Value == "/")
            {
                while (open.Count > 0 && open.Pop() != name)
                {
                }
            }
            else if (tag.Groups[3].Value != "/")
            {
                open.Push(name);
            }
        }

        var builder = new StringBuilder(trimmed);
        foreach (var name in open)
        {
            builder.Append("</").Append(name).Append('>');
        }

        return builder.ToString();
    }

    private static int LastStartTag(string text, string name) =>
        Math.Max(text.LastIndexOf($"<{name}>", StringComparison.Ordinal), text.LastIndexOf($"<{name} ", StringComparison.Ordinal));

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"&(#?[A-Za-z0-9]+);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"&(?!(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)")]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"<\?xml\s|<(?:rss|feed|rdf:RDF|RDF)[\s>]")]
    private static partial Regex FeedStart();

    [GeneratedRegex(@"<\?xml\s[^>]*\?>")]
    private static partial Regex LateDeclaration();

    [GeneratedRegex(@"xmlns:([A-Za-z_][\w.-]*)\s*=")]
    private static partial Regex DeclaredPrefix();

    [GeneratedRegex(@"</?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*[""']")]
    private static partial Regex UsedPrefix();

    [GeneratedRegex(@"<(?![?!])([A-Za-z_][\w:.-]*)")]
    private static partial Regex RootTag();

    [GeneratedRegex(@"<!--.*?-->|<!\[CDATA\[.*?\]\]>", RegexOptions.Singleline)]
    private static partial Regex CommentOrCdata();

    /// <summary>Start, end and empty tags; comments, CDATA, declarations and processing instructions do not match.</summary>
    [GeneratedRegex(@"<(/?)([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(/?)>")]
    private static partial Regex Tag();
}
