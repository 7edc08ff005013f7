using System.Globalization;
using System.Text;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Deduplication;

/// <summary>
/// Whether two bylines name the same writer. A byline is read as the set of its name words, without "by", "and",
/// "staff", accents, case or punctuation; two bylines agree when one set holds the other ("Jane Doe" and
/// "By Jane Doe, Reuters" agree; "Jane Doe" and "John Roe" do not). A missing byline says nothing (null).
/// </summary>
public static class Bylines
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "by", "and", "with", "von", "par", "por", "de", "staff", "writer", "reporter", "editor", "contributor", "et", "y", "und",
    };

    /// <summary>True or false when both bylines are present, null when either is missing or has no name in it.</summary>
    public static bool? Agree(string? a, string? b)
    {
        var x = NamesIn(a);
        var y = NamesIn(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return null;
        }

        return x.IsSubsetOf(y) || y.IsSubsetOf(x);
    }

    internal static HashSet<string> NamesIn(string? byline)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(byline))
        {
            return names;
        }

        foreach (var word in Words.Split(WithoutAccents(byline)))
        {
            if (word.Length > 1 && !NotNames.Contains(word) && !word.Contains('@', StringComparison.Ordinal))
            {
                names.Add(word);
            }
        }

        return names;
    }

    private static string WithoutAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
