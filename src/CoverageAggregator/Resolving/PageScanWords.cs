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
/// word pair occurs in it. Markup is skipped: an inline element (a link, emphasis) joins the text around it, any other
/// tag ends a word, as the main-text reader does; attribute values (meta titles, alt text) are read as texts of their own.
/// Words are compared by a 64-bit hash, so nothing is allocated per word.
/// </summary>
internal sealed class PageScanWords
{
    /// <summary>Words of a phrase compared at most (the last ones of a longer one: still a superset).</summary>
    private const int Window = 16;

    /// <summary>
    /// What a pair of adjacent essay words must say (<see cref="CommonWords.Bits(string)"/>) to be looked for. A quote the
    /// matcher accepts says at least <see cref="VerbatimSpans.MinimumBits"/> in a few words (four words saying 9 bits hold
    /// a pair saying 4.5), so it holds such a pair; pairs of common words ("at once", "the industry") would keep nearly
    /// every page.
    /// </summary>
    private const double MinimumPairBits = 3;

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
    private readonly HashSet<ulong> _pairs = [];

    /// <param name="phrases">Phrases (<see cref="Words.Split"/> words) any one of which may name an essay.</param>
    /// <param name="runs">Runs of essay words whose adjacent pairs may start a quote.</param>
    public PageScanWords(IEnumerable<IReadOnlyList<string>> phrases, IEnumerable<IReadOnlyList<string>> runs)
    {
        _phrases = phrases.Where(p => p.Count > 0).Select(p => p.TakeLast(Window).Select(w => Hash(w)).ToArray()).ToArray();
        foreach (var run in runs)
        {
            for (var i = 0; i + 1 < run.Count; i++)
            {
                if (CommonWords.Bits(run[i]) + CommonWords.Bits(run[i + 1]) >= MinimumPairBits)
                {
                    _pairs.Add(Pair(Hash(run[i]), Hash(run[i + 1])));
                }
            }
        }
    }

    /// <summary>True when a name phrase or an essay word pair occurs in the text.</summary>
    public bool Finds(ReadOnlySpan<char> text)
    {
        var reader = new Reader(this);
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
    private static int SkipMarkup(ReadOnlySpan<char> text, int at, Reader reader, Reader attribute)
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

        for (var i = nameStart + Math.Max(nameLength, 0); i < rest.Length; i++)
        {
            if (rest[i] == '>')
            {
                return at + 1 + i + 1;
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

    private static ulong Pair(ulong first, ulong second) => (first * 0x9E3779B97F4A7C15UL) ^ second;

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

    /// <summary>Reads words from pieces of text and tests each against the phrases and pairs as it ends.</summary>
    private sealed class Reader(PageScanWords scan)
    {
        private readonly ulong[] _recent = new ulong[Window];
        private readonly char[] _word = new char[MaxWord];
        private int _count;
        private int _length;
        private bool _ascii = true;
        private bool _apostrophe;

        public bool Found { get; set; }

        /// <summary>Starts a new text: no word before it.</summary>
        public void Reset()
        {
            _count = _length = 0;
            _ascii = true;
            _apostrophe = Found = false;
        }

        /// <summary>Reads a piece of text; true once something is found.</summary>
        public bool Feed(ReadOnlySpan<char> piece)
        {
            foreach (var raw in piece)
            {
                var c = raw is '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' ? '\'' : raw;
                if (c == '\'')
                {
                    // An apostrophe joins two runs of word characters ("don't", "Brandt's"); anything else ends the word.
                    if (_length > 0 && !_apostrophe)
                    {
                        _apostrophe = true;
                        continue;
                    }

                    EndWord();
                }
                else if (IsWordChar(c))
                {
                    if (Words.IsCjk(c))
                    {
                        EndWord();
                        Append(c);
                        EndWord();
                    }
                    else
                    {
                        if (_apostrophe)
                        {
                            Append('\'');
                            _apostrophe = false;
                        }

                        Append(c);
                    }
                }
                else
                {
                    EndWord();
                }

                if (Found)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Ends the text: the last word is tested too.</summary>
        public bool End()
        {
            EndWord();
            return Found;
        }

        private void Append(char c)
        {
            if (_length < _word.Length)
            {
                _word[_length] = c;
            }

            _length++;
            _ascii &= char.IsAscii(c);
        }

        public void EndWord()
        {
            _apostrophe = false;
            if (_length == 0)
            {
                return;
            }

            var word = _length <= MaxWord ? _word.AsSpan(0, _length) : [];
            _length = 0;
            var ascii = _ascii;
            _ascii = true;
            if (word.IsEmpty)
            {
                Push(0);
                return;
            }

            Push(Hash(ascii ? Lower(word) : Folded(word)));
        }

        private void Push(ulong hash)
        {
            var previous = _count > 0 ? _recent[(_count - 1) % Window] : 0;
            _recent[_count++ % Window] = hash;
            if (_count > 1 && scan._pairs.Contains(Pair(previous, hash)))
            {
                Found = true;
                return;
            }

            foreach (var phrase in scan._phrases)
            {
                if (phrase[^1] == hash && Ends(phrase))
                {
                    Found = true;
                    return;
                }
            }
        }

        private bool Ends(ulong[] phrase)
        {
            if (phrase.Length > _count)
            {
                return false;
            }

            for (var i = 0; i < phrase.Length; i++)
            {
                if (_recent[(_count - phrase.Length + i) % Window] != phrase[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static ReadOnlySpan<char> Lower(Span<char> word)
        {
            for (var i = 0; i < word.Length; i++)
            {
                word[i] = char.ToLowerInvariant(word[i]);
            }

            return Possessive(word);
        }

        /// <summary>A word with non-ASCII letters, as <see cref="Words.Normalize"/> folds it (NFKC, then lower case).</summary>
        private static ReadOnlySpan<char> Folded(Span<char> word)
        {
            var text = word.IsNormalized(NormalizationForm.FormKC) ? word.ToString() : word.ToString().Normalize(NormalizationForm.FormKC);
            return Possessive(text.ToLowerInvariant().AsSpan());
        }

        private static ReadOnlySpan<char> Possessive(ReadOnlySpan<char> word) => word.EndsWith("'s") ? word[..^2] : word;
    }

    /// <summary>The characters of a word as Words reads them: \w (letters, non-spacing marks, digits, connectors).</summary>
    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_'
        || (c > '\u007F' && char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
}
