namespace CoverageAggregator.Matching;

/// <summary>
/// Decides whether a quoted span is essay text. The span is split at ellipses and brackets into fragments; each fragment
/// is aligned with the essay words (longest common subsequence within a window), so curly or straight quotes, case,
/// whitespace, elisions and small edits still match. A span matches when at least <see cref="Threshold"/> of its words align
/// with one or two adjacent essay sentences. The result is the essay's own sentence(s), as written in the essay.
/// </summary>
public static class QuoteMatcher
{
    public const double Threshold = 0.8;

    public static IReadOnlyList<string> Match(EssayProfile essay, IEnumerable<string> spans)
    {
        var found = new List<string>();
        foreach (var span in spans)
        {
            if (MatchSpan(essay, span) is { } sentence && !found.Contains(sentence))
            {
                found.Add(sentence);
            }
        }

        return found;
    }

    public static string? MatchSpan(EssayProfile essay, string span)
    {
        var words = Words.Split(span);
        if (words.Count < QuoteExtractor.MinimumWords || essay.SentenceWords.Count == 0)
        {
            return null;
        }

        var best = -1;
        var bestScore = 0.0;
        var bestSpan = 1;
        for (var i = 0; i < essay.SentenceWords.Count; i++)
        {
            for (var width = 1; width <= 2 && i + width <= essay.SentenceWords.Count; width++)
            {
                var target = width == 1 ? essay.SentenceWords[i] : essay.SentenceWords[i].Concat(essay.SentenceWords[i + 1]).ToList();

                // A span much shorter than the sentence is a fragment; one far longer is a pasted paragraph, not a quote of it.
                if (target.Count > words.Count * 4 || words.Count > target.Count * 4)
                {
                    continue;
                }

                var score = (double)Lcs(words, target) / words.Count;
                if (score > bestScore + 1e-9 || (Math.Abs(score - bestScore) < 1e-9 && width < bestSpan))
                {
                    (best, bestScore, bestSpan) = (i, score, width);
                }
            }
        }

        if (best < 0 || bestScore < Threshold)
        {
            return null;
        }

        return bestSpan == 1 ? essay.Sentences[best] : essay.Sentences[best] + " " + essay.Sentences[best + 1];
    }

    private static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }
}
