namespace CoverageAggregator.Matching;

/// <summary>
/// Decides whether a quoted span is essay text. The span's words are aligned with the words of each essay sentence and
/// each pair of adjacent sentences (longest common subsequence), so curly or straight quotes, case, whitespace, elisions
/// and small edits still match. A span matches when at least <see cref="Threshold"/> of its words align with one or two
/// adjacent essay sentences. The result is the essay's own sentence(s), as written in the essay. Only targets that have
/// enough of the span's words at all are aligned (<see cref="SentenceIndex"/>): usually none or a few. A span far
/// shorter than every sentence it could come from still matches when it is a rare verbatim fragment of one
/// (<see cref="VerbatimSpans.QuotedFragment"/>).
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
        // A stock phrase ("this is a big deal") is no quote, even when a whole essay sentence is one.
        var words = Words.Split(span);
        return VerbatimSpans.IsRare(words) ? Align(essay, words) ?? VerbatimSpans.QuotedFragment(essay, words) : null;
    }

    /// <summary>The essay sentence, or pair, that at least <see cref="Threshold"/> of the span's words align with; null when none does.</summary>
    internal static string? Align(EssayProfile essay, IReadOnlyList<string> words)
    {
        var index = essay.SentenceIndex;
        if (words.Count < QuoteExtractor.MinimumWords || index.Count == 0)
        {
            return null;
        }

        var ids = index.Ids(words);
        var single = new int[index.Count];
        var pair = new int[index.Count];
        index.CountShared(ids, single, pair);

        var best = -1;
        var bestScore = 0.0;
        var bestSpan = 1;
        for (var i = 0; i < index.Count; i++)
        {
            for (var width = 1; width <= 2 && i + width <= index.Count; width++)
            {
                var length = index.Length(i, width);

                // A span much shorter than the sentence is a fragment; one far longer is a pasted paragraph, not a quote of it.
                if (length > words.Count * 4 || words.Count > length * 4)
                {
                    continue;
                }

                // The alignment is at most the span words the target has at all, and at most the target's length: a target
                // that cannot reach the threshold cannot be the match (the match is the best score, and it must reach it).
                var shared = Math.Min(width == 1 ? single[i] : pair[i], length);
                if ((double)shared / words.Count < Threshold)
                {
                    continue;
                }

                var score = (double)Lcs(ids, index.Words(i, width)) / words.Count;
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

    private static int Lcs(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
