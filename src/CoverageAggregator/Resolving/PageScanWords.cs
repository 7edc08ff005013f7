using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// The word half of <see cref="PageScan"/>: reads raw HTML (or plain text) once, as a stream of words the way
/// <see cref="Words.Split"/> would read the page's text (NFKC, case-folded, a Han or kana character a word, a possessive
/// 's dropped, character references decoded), without building a document, and says whether a name phrase or an essay
/// word run occurs in it. Markup is skipped: an inline element (a link, emphasis) joins the text around it, any other
/// tag ends a word, as the main-text reader does; attribute values (meta titles, alt text) are read as texts of their own.
/// Words are compared by a 64-bit hash, so nothing is allocated per word.
/// </summary>
internal sealed partial class PageScanWords
{
    /// <summary>Words of a phrase compared at most (the last ones of a longer one: still a superset).</summary>
    private const int Window = 16;

    /// <summary>
    /// What a run of three essay words must say (<see cref="CommonWords.Bits(string)"/>) to be looked for. A quote the
    /// matcher accepts says at least <see cref="VerbatimSpans.MinimumBits"/>: its shortest form, four words of the essay,
    /// holds a run of three saying half of that. Runs of common words ("at the same time", "the data center") would keep
    /// most pages: on the 181 Zyte news pages, runs of two saying 3 bits kept 96 pages, runs of three saying 4.5 keep 4.
    /// </summary>
    private const double MinimumTripleBits = 4.5;

    /// <summary>A word longer than this is no word of an essay or a name: it is read but can match nothing.</summary>
    private const int MaxWord = 64;

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "ins", "del", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineNames = Inline.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> Special = SearchValues.Create("<&");

    private static readonly SearchValues<char> NameEnd = SearchValues.Create(" \t\r\n/>");

    private readonly ulong[][] _phrases;

    /// <summary>One bit per last word of a phrase or a run of three (by its hash): most words of a page end neither, and are passed at once.</summary>
    private readonly ulong[] _endings = new ulong[1024];
    private readonly HashSet<ulong> _triples = [];
    private readonly SearchValues<string> _links;

    /// <param name="phrases">Phrases (<see cref="Words.Split"/> words) any one of which may name an essay.</param>
    /// <param name="runs">Runs of essay words whose runs of three may be quoted.</param>
    /// <param name="links">What a link (an &lt;a&gt; tag) that may hide an essay link carries.</param>
    public PageScanWords(IEnumerable<IReadOnlyList<string>> phrases, IEnumerable<IReadOnlyList<string>> runs, IEnumerable<string> links)
    {
        _phrases = phrases.Where(p => p.Count > 0).Select(p => p.TakeLast(Window).Select(w => Hash(w)).ToArray()).ToArray();
        foreach (var phrase in _phrases)
        {
            MarkEnding(phrase[^1]);
        }

        _links = SearchValues.Create(links.ToArray(), StringComparison.OrdinalIgnoreCase);
        foreach (var run in runs)
        {
            for (var i = 0; i + 2 < run.Count; i++)
            {
                if (CommonWords.Bits(run[i]) + CommonWords.Bits(run[i + 1]) + CommonWords.Bits(run[i + 2]) >= MinimumTripleBits)
                {
                    _triples.Add(Triple(Hash(run[i]), Hash(run[i + 1]), Hash(run[i + 2])));
                    MarkEnding(Hash(run[i + 2]));
                }
            }
        }
    }

    /// <summary>True when a name phrase or a run of essay words occurs in the text; with <paramref name="markup"/>, it is HTML.</summary>
    public bool Finds(ReadOnlySpan<char> text, bool markup)
    {
        var reader = new Reader(this);
        if (!markup)
        {
            return reader.Feed(text) || reader.End();
        }

        var attribute = new Reader(this);
        var at = 0;
        while (at < text.Length)
        {
            var next = text[at..].IndexOfAny(Special);
            var plain = next < 0 ? text[at..] : text.Slice(at, next);
            if (reader.Feed(plain))
            {
                return true;
            }

            if (next < 0)
            {
                break;
            }

            at += next;
            at = text[at] == '<' ? SkipMarkup(text, at, reader, attribute) : Reference(text, at, reader);
            if (reader.Found)
            {
                return true;
            }
        }

        return reader.End();
    }

    /// <summary>Past a tag, comment or declaration at <paramref name="at"/>; its attribute values read as texts of their own.</summary>
    private int SkipMarkup(ReadOnlySpan<char> text, int at, Reader reader, Reader attribute)
    {
        var rest = text[(at + 1)..];
        if (rest.StartsWith("!--"))
        {
            var end = rest.IndexOf("-->");
            reader.EndWord();
            return end < 0 ? text.Length : at + 1 + end + 3;
        }

        if (rest.IsEmpty || !(char.IsAsciiLetter(rest[0]) || rest[0] is '/' or '!' or '?'))
        {
            reader.Feed("<"); // a bare '<' is text
            return at + 1;
        }

        var nameStart = rest[0] == '/' ? 1 : 0;
        var nameLength = rest[nameStart..].IndexOfAny(NameEnd);
        var name = nameLength < 0 ? rest[nameStart..] : rest.Slice(nameStart, nameLength);
        if (!InlineNames.Contains(name))
        {
            reader.EndWord();
        }

        var anchor = name.Equals("a", StringComparison.OrdinalIgnoreCase);
        for (var i = nameStart + Math.Max(nameLength, 0); i < rest.Length; i++)
        {
            if (rest[i] == '>')
            {
                reader.Found |= anchor && rest[..i].ContainsAny(_links);
                var end = at + 1 + i + 1;
                return nameStart == 0 && IsCode(name, rest[..i]) && text[end..].IndexOf(name.Equals("style", StringComparison.OrdinalIgnoreCase) ? "</style" : "</script", StringComparison.OrdinalIgnoreCase) is var close
                    ? close < 0 ? text.Length : end + close
                    : end;
            }

            if (rest[i] is '"' or '\'')
            {
                var close = rest[(i + 1)..].IndexOf(rest[i]);
                var value = close < 0 ? rest[(i + 1)..] : rest.Slice(i + 1, close);
                attribute.Reset();
                if (attribute.Feed(value) || attribute.End())
                {
                    reader.Found = true;
                    return text.Length;
                }

                i += close < 0 ? rest.Length : close + 1;
            }
        }

        return text.Length;
    }

    /// <summary>A script or style element, whose content is code, not text; JSON-LD (which may give the page's title) is read.</summary>
    private static bool IsCode(ReadOnlySpan<char> name, ReadOnlySpan<char> tag) =>
        name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || (name.Equals("script", StringComparison.OrdinalIgnoreCase) && !tag.Contains("ld+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Past a character reference at <paramref name="at"/>, its character fed to the reader (a bare '&amp;' is text).</summary>
    private static int Reference(ReadOnlySpan<char> text, int at, Reader reader)
    {
        var semicolon = text.Slice(at, Math.Min(text.Length - at, 34)).IndexOf(';');
        if (semicolon < 2)
        {
            reader.Feed("&");
            return at + 1;
        }

        var entity = text.Slice(at, semicolon + 1);
        var decoded = entity[1] == '#' ? Numeric(entity) : Named(entity);
        reader.Feed(decoded ?? "&");
        return decoded is null ? at + 1 : at + entity.Length;
    }

    private static string? Numeric(ReadOnlySpan<char> entity)
    {
        var hex = entity.Length > 3 && entity[2] is 'x' or 'X';
        var digits = entity[(hex ? 3 : 2)..^1];
        return int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? char.ConvertFromUtf32(code)
            : null;
    }

    private static string? Named(ReadOnlySpan<char> entity) => entity switch
    {
        "&amp;" => "&",
        "&nbsp;" or "&shy;" => " ",
        "&rsquo;" or "&lsquo;" or "&apos;" => "'",
        "&quot;" or "&ldquo;" or "&rdquo;" or "&lt;" or "&gt;" or "&mdash;" or "&ndash;" or "&hellip;" => " ",
        _ when WebUtility.HtmlDecode(entity.ToString()) is var decoded && decoded != entity.ToString() => decoded,
        _ => null,
    };

    private void MarkEnding(ulong hash) => _endings[(hash >> 6) & 1023] |= 1UL << (int)(hash & 63);

    private bool MayEnd(ulong hash) => (_endings[(hash >> 6) & 1023] & (1UL << (int)(hash & 63))) != 0;

    private static ulong Triple(ulong first, ulong second, ulong third) =>
        (((first * 0x9E3779B97F4A7C15UL) ^ second) * 0x9E3779B97F4A7C15UL) ^ third;

    /// <summary>FNV-1a over the characters of a word as <see cref="Words.Split"/> gives it.</summary>
    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
