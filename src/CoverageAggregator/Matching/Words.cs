using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Matching;

/// <summary>Text normalisation shared by quote and mention matching: NFKC, case-folded, typographic quotes and dashes made plain, split into words.</summary>
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

    /// <summary>The words of a text; a possessive 's is dropped so "Smith's" reads as "smith".</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        foreach (var word in In(Normalize(text)))
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>How many words <see cref="Split"/> finds in a text, without making them.</summary>
    public static int Count(string text)
    {
        var count = 0;
        foreach (var match in WordPattern().EnumerateMatches(Normalize(text)))
        {
            count++;
        }

        return count;
    }

    /// <summary>The words of a text already normalised (<see cref="Normalize"/>), as slices of it: <see cref="Split"/> without a string per word.</summary>
    internal static WordEnumerator In(ReadOnlySpan<char> normalized) => new(normalized);

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
