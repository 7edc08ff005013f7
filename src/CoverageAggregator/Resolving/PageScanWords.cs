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
                if (char.IsAsciiLetterOrDigit(raw) && !_apostrophe)
                {
                    if (_length < _word.Length)
                    {
                        _word[_length] = raw;
                    }

                    _length++;
                    continue;
                }

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
            _recent[_count++ % Window] = hash;
            if (!scan.MayEnd(hash))
            {
                return;
            }

            if (_count > 2 && scan._triples.Contains(Triple(_recent[(_count - 3) % Window], _recent[(_count - 2) % Window], hash)))
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
                word[i] = char.IsAsciiLetterUpper(word[i]) ? (char)(word[i] | 0x20) : char.ToLowerInvariant(word[i]);
            }

            return Possessive(word);
        }

        /// <summary>A word with non-ASCII letters, as <see cref="Words.Normalize"/> folds it (NFKC, then lower case).</summary>
        private static ReadOnlySpan<char> Folded(Span<char> word)
        {
            foreach (var c in word)
            {
                if (!IsStable(c))
                {
                    return Possessive(word.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant().AsSpan());
                }
            }

            return Lower(word); // the common case, in place: letters NFKC leaves as they are
        }

        /// <summary>
        /// True for a character NFKC leaves as it is, in the blocks most text is written in: ASCII, Latin-1 and Latin
        /// Extended-A letters (but the ligatures Ĳ, Ŀ, ŉ and the long s), Greek, Cyrillic, Hebrew, Arabic letters, kana, CJK
        /// ideographs and Hangul syllables. Anything else is normalised to be sure.
        /// </summary>
        private static bool IsStable(char c) => c switch
        {
            < '\u0080' => true,
            >= '\u00C0' and <= '\u017E' => c is not ('\u0132' or '\u0133' or '\u013F' or '\u0140' or '\u0149') && c != '\u00D7' && c != '\u00F7',
            >= '\u0391' and <= '\u03C9' => true,
            >= '\u0410' and <= '\u044F' => true,
            >= '\u05D0' and <= '\u05EA' => true,
            >= '\u0621' and <= '\u064A' => true,
            >= '\u3041' and <= '\u3096' => true,
            >= '\u30A1' and <= '\u30FA' => true,
            >= '\u4E00' and <= '\u9FFF' => true,
            >= '\uAC00' and <= '\uD7A3' => true,
            _ => false,
        };

        private static ReadOnlySpan<char> Possessive(ReadOnlySpan<char> word) => word.EndsWith("'s") ? word[..^2] : word;
    }

    /// <summary>The characters of a word as Words reads them: \w (letters, non-spacing marks, digits, connectors).</summary>
    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_'
        || (c > '\u007F' && char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
}
