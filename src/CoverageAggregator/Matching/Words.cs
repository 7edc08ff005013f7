using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Matching;

/// <summary>Text normalisation shared by quote and mention matching: NFKC, case-folded, typographic quotes and dashes made plain, split into words.</summary>
public static partial class Words
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2033' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' => ' ',
                _ => char.ToLower(c, CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    /// <summary>The words of a text; a possessive 's is dropped so "Smith's" reads as "smith".</summary>
    public static IReadOnlyList<string> Split(string text) =>
        WordPattern().Matches(Normalize(text))
            .Select(m => m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value)
            .ToList();

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
}
