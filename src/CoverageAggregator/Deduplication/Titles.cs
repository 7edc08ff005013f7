using CoverageAggregator.Matching;

namespace CoverageAggregator.Deduplication;

/// <summary>
/// Whether two headlines are the same headline: the same words once case, punctuation and an outlet suffix
/// (" - Outlet", " | Outlet", " — Outlet") are set aside, or one headline whole at the start of the other
/// (a copy that adds a kicker or a series name). A missing headline says nothing (null).
/// </summary>
public static class Titles
{
    private static readonly string[] OutletSeparators = [" - ", " | ", " — ", " – ", " :: "];

    public static bool? Agree(string? a, string? b)
    {
        var x = WordsOf(a);
        var y = WordsOf(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return null;
        }

        var (shorter, longer) = x.Count <= y.Count ? (x, y) : (y, x);
        return shorter.Count >= 3 ? Words.ContainsPhrase(longer, shorter) : shorter.SequenceEqual(longer);
    }

    private static IReadOnlyList<string> WordsOf(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return [];
        }

        foreach (var separator in OutletSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && title.Length - at <= 60)
            {
                title = title[..at];
            }
        }

        return Words.Split(title);
    }
}
