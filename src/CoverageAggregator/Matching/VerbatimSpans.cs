namespace CoverageAggregator.Matching;

/// <summary>
/// Runs of words that a text shares word for word with the essay: a short quoted fragment of a long sentence
/// ("no-human-involved AI R&amp;D"), or essay sentences reproduced without quotation marks. A run counts when it has at
/// least <see cref="SentenceIndex.GramLength"/> words and says enough (<see cref="MinimumBits"/> of
/// <see cref="CommonWords"/> information), so a stock phrase the essay happens to use is no quote; the essay's title is
/// a name, not a quote. Without quotation marks a run must also reproduce most of the sentence
/// (<see cref="QuoteMatcher.Threshold"/> of its words): a writer who reuses a phrase of the essay in their own sentence
/// ("signing long-term contracts with nuclear plants") is not quoting it.
/// </summary>
public static class VerbatimSpans
{
    /// <summary>
    /// The information a run needs. Stock phrases stay below it ("at the end of the day" 1.3 bits, "the United States and
    /// China" 4.0, "as a matter of fact" 6.0), a fragment of the essay's own wording is above ("no-human-involved AI R&amp;D"
    /// 11.5, "we are running out of places to plug it in" 11.4).
    /// </summary>
    public const double MinimumBits = 9;

    /// <summary>The essay sentences a quoted span reproduces: one run of it, covering at least <see cref="QuoteMatcher.Threshold"/> of its words.</summary>
    public static string? QuotedFragment(EssayProfile essay, IReadOnlyList<string> span)
    {
        var index = essay.SentenceIndex;
        var ids = index.Ids(span);
        for (var at = 0; at + SentenceIndex.GramLength <= ids.Length; at++)
        {
            var (length, position) = index.LongestRun(ids, at);
            if (length >= SentenceIndex.GramLength && length >= span.Count * QuoteMatcher.Threshold)
            {
                var sentences = Covered(essay, span, at, length, position, wholeSentences: false).ToList();
                return sentences.Count == 0 ? null : string.Join(" ", sentences.Select(s => essay.Sentences[s]));
            }
        }

        return null;
    }

    /// <summary>The essay sentences a text reproduces word for word, wherever in it and whether quoted or not, in essay order.</summary>
    public static IReadOnlyList<string> Reproduced(EssayProfile essay, IReadOnlyList<string> words)
    {
        var index = essay.SentenceIndex;
        if (index.Count == 0 || words.Count < SentenceIndex.GramLength)
        {
            return [];
        }

        var ids = index.Ids(words);
        var found = new SortedSet<int>();
        for (var at = 0; at + SentenceIndex.GramLength <= ids.Length;)
        {
            var (length, position) = index.LongestRun(ids, at);
            if (length == 0)
            {
                at++;
                continue;
            }

            found.UnionWith(Covered(essay, words, at, length, position, wholeSentences: true));
            at += length;
        }

        return found.Select(s => essay.Sentences[s]).ToList();
    }

    /// <summary>True when the words say enough to be a quote rather than a stock phrase.</summary>
    public static bool IsRare(IEnumerable<string> words) => CommonWords.Bits(words) >= MinimumBits;

    /// <summary>
    /// The sentences that a run (of <paramref name="words"/> from <paramref name="at"/>, at <paramref name="position"/> of
    /// the essay) quotes; with <paramref name="wholeSentences"/>, only those it reproduces for the most part.
    /// </summary>
    private static IEnumerable<int> Covered(EssayProfile essay, IReadOnlyList<string> words, int at, int length, int position, bool wholeSentences)
    {
        var index = essay.SentenceIndex;
        for (var s = index.SentenceAt(position); s < index.Count && index.Start(s) < position + length; s++)
        {
            var from = Math.Max(index.Start(s), position);
            var to = Math.Min(index.Start(s) + index.Length(s, 1), position + length);
            var part = Enumerable.Range(at + (from - position), to - from).Select(i => words[i]).ToList();
            if (part.Count >= SentenceIndex.GramLength && IsRare(part) && !essay.TitlePhrases.Any(t => Words.ContainsPhrase(t, part))
                && (!wholeSentences || part.Count >= index.Length(s, 1) * QuoteMatcher.Threshold))
            {
                yield return s;
            }
        }
    }
}
