using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Matching;

/// <summary>
/// Text normalisation shared by quote and mention matching: NFKC, case-folded, typographic quotes and dashes made plain,
/// split into words. Chinese and Japanese are written without spaces between words, so each of their characters (Han,
/// kana) is a word of its own: a phrase is then found as a run of characters, without guessing word boundaries.
/// </summary>
public static partial class Words
{
    public static string Normalize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        return string.Create(normalized.Length, normalized, static (folded, source) =>
        {
            for (var i = 0; i < folded.Length; i++)
            {
                folded[i] = source[i] switch
                {
                    '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
                    '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2033' => '"',
                    '\u2013' or '\u2014' or '\u2212' => '-',
                    '\u00A0' => ' ',
                    var c => char.ToLower(c, CultureInfo.InvariantCulture),
                };
            }
        });
    }

    /// <summary>The words of a text, each Han or kana character one word; a possessive 's is dropped so "Smith's" reads as "smith".</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        foreach (var run in In(Normalize(text)))
        {
            for (var rest = run; !rest.IsEmpty;)
            {
                words.Add(NextWord(ref rest).ToString());
            }
        }

        return words;
    }

    /// <summary>How many words <see cref="Split"/> finds in a text, without making them.</summary>
    public static int Count(string text)
    {
        var count = 0;
        foreach (var run in In(Normalize(text)))
        {
            for (var rest = run; !rest.IsEmpty; count++)
            {
                NextWord(ref rest);
            }
        }

        return count;
    }

    /// <summary>True for a character of a script written without spaces between words: Han ideographs, hiragana, katakana.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or '\u3005' or '\u3007';

    /// <summary>
    /// The runs of word characters of a text already normalised (<see cref="Normalize"/>), as slices of it, a possessive
    /// 's dropped. A run of Chinese or Japanese is one run here (the stored near-duplicate signatures are made of these
    /// runs); <see cref="Split"/> cuts it into characters.
    /// </summary>
    internal static WordEnumerator In(ReadOnlySpan<char> normalized) => new(normalized);

    /// <summary>
    /// The first word of a run and the rest after it: an elided article or preposition of French, Italian or Catalan
    /// ("d'Import AI", "l'essai", "qu'une": d, l, qu), one Han or kana character, or the letters and digits up to the next one.
    /// </summary>
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> run)
    {
        if (Elided(run) is > 0 and var elided)
        {
            var article = run[..elided];
            run = run[(elided + 1)..];
            return article;
        }

        var length = IsCjk(run[0]) ? 1 : 1 + FirstCjk(run[1..]);
        var word = run[..length];
        run = run[length..];
        return word;
    }

    /// <summary>
    /// True for a word that French, Italian and Catalan elide before an apostrophe (c' d' j' l' m' n' s' t' qu'), in any
    /// case: Split cuts it off the word it is joined to, and the page scan reads it the same way.
    /// </summary>
    public static bool IsElision(ReadOnlySpan<char> word) =>
        word.Length == 1 ? "cdjlmnst".Contains(char.ToLowerInvariant(word[0]))
        : word.Length == 2 && word.Equals("qu", StringComparison.OrdinalIgnoreCase);

    /// <summary>The length of an elided word (<see cref="IsElision"/>) before the apostrophe at the start of a run, else 0.</summary>
    private static int Elided(ReadOnlySpan<char> run)
    {
        var at = run.IndexOf('\'');
        return at is 1 or 2 && run.Length > at + 1 && IsElision(run[..at]) && char.IsLetterOrDigit(run[at + 1]) ? at : 0;
    }

    private static int FirstCjk(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsCjk(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool ContainsPhrase(IReadOnlyList<string> text, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0 || phrase.Count > text.Count)
        {
            return false;
        }

        for (var i = 0; i + phrase.Count <= text.Count; i++)
        {
            var j = 0;
            while (j < phrase.Count && text[i + j] == phrase[j])
            {
                j++;
            }

            if (j == phrase.Count)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\w+(?:'\w+)*")]
    private static partial Regex WordPattern();

    /// <summary>Enumerates the words of a normalised text (a possessive 's dropped), as <see cref="Split"/> reads them.</summary>
    internal ref struct WordEnumerator(ReadOnlySpan<char> normalized)
    {
        private readonly ReadOnlySpan<char> _text = normalized;
        private Regex.ValueMatchEnumerator _matches = WordPattern().EnumerateMatches(normalized);

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly WordEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (!_matches.MoveNext())
            {
                return false;
            }

            var word = _text.Slice(_matches.Current.Index, _matches.Current.Length);
            Current = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
            return true;
        }
    }
}
