using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Matching;

/// <summary>
/// Quote matching aligns a span only with the essay sentences (and pairs) that share enough of its words to reach the
/// threshold. These tests hold that shortcut to what it replaced: aligning every span with every target. Spans are the
/// quotes of every page of the development corpus, and windows of the essay's own words (4 to 30 words, across sentence
/// ends), as they are and with words replaced, dropped or swapped, so many land just under or over the threshold.
/// </summary>
public class QuoteMatcherBoundTests
{
    private static readonly string Corpus = Path.Combine(Paths.Shared, "corpus", "compute-cliff-real");

    private static readonly Lazy<EssayProfile> Essay = new(() =>
    {
        var file = Path.Combine(Corpus, "files", "frontiernotes", "essay.html");
        var page = ArticleParser.Parse(File.ReadAllText(file), new Uri("https://frontiernotes.example/p/the-compute-cliff"));
        return new EssayProfile(new EssayConfig { Id = "essay", Title = "Essay", Urls = [] }, [], page.MainText);
    });

    private static readonly Lazy<IReadOnlyList<string>> Spans = new(() => CorpusQuotes().Concat(EssayWindows(Essay.Value)).Distinct(StringComparer.Ordinal).ToList());

    [Fact]
    public void TheSharedWordCountOfATargetIsNeverBelowItsAlignment()
    {
        var essay = Essay.Value;
        var sentences = essay.Sentences.Select(Words.Split).ToList();
        var index = essay.SentenceIndex;
        var compared = 0;
        foreach (var span in Spans.Value)
        {
            var words = Words.Split(span);
            var single = new int[index.Count];
            var pair = new int[index.Count];
            index.CountShared(index.Ids(words), single, pair);
            for (var i = 0; i < sentences.Count; i++)
            {
                Assert.True(Lcs(words, sentences[i]) <= single[i], $"sentence {i}, span \"{span}\"");
                if (i + 1 < sentences.Count)
                {
                    Assert.True(Lcs(words, [.. sentences[i], .. sentences[i + 1]]) <= pair[i], $"sentences {i}-{i + 1}, span \"{span}\"");
                }

                compared++;
            }
        }

        Assert.True(compared > 10_000, $"only {compared} comparisons");
    }

    [Fact]
    public void MatchingGivesWhatAligningEveryTargetGives()
    {
        var essay = Essay.Value;
        var (matched, nearThreshold) = (0, 0);
        foreach (var span in Spans.Value)
        {
            var (expected, score) = AlignEveryTarget(essay, span);
            Assert.Equal(expected, QuoteMatcher.MatchSpan(essay, span));
            matched += expected is null ? 0 : 1;
            nearThreshold += Math.Abs(score - QuoteMatcher.Threshold) <= 0.1 ? 1 : 0;
        }

        // The spans must test both sides of the threshold, and its edge.
        Assert.True(matched > 100, $"{matched} matched");
        Assert.True(Spans.Value.Count - matched > 100, $"{Spans.Value.Count - matched} did not match");
        Assert.True(nearThreshold > 100, $"{nearThreshold} near the threshold");
    }

    [Fact]
    public void AnEssayWithoutTextMatchesNothing() =>
        Assert.Null(QuoteMatcher.MatchSpan(new EssayProfile(new EssayConfig { Id = "e", Title = "Essay", Urls = [] }, [], null), "any four words here"));

    /// <summary>The matching as it was before the shortcut: every sentence and pair aligned; also the best score.</summary>
    private static (string? Sentence, double Score) AlignEveryTarget(EssayProfile essay, string span)
    {
        var words = Words.Split(span);
        var sentences = essay.Sentences.Select(Words.Split).ToList();
        if (words.Count < QuoteExtractor.MinimumWords || sentences.Count == 0)
        {
            return (null, 0);
        }

        var best = -1;
        var bestScore = 0.0;
        var bestSpan = 1;
        for (var i = 0; i < sentences.Count; i++)
        {
            for (var width = 1; width <= 2 && i + width <= sentences.Count; width++)
            {
                var target = width == 1 ? sentences[i] : sentences[i].Concat(sentences[i + 1]).ToList();
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

        return best < 0 || bestScore < QuoteMatcher.Threshold
            ? (null, bestScore)
            : (bestSpan == 1 ? essay.Sentences[best] : essay.Sentences[best] + " " + essay.Sentences[best + 1], bestScore);
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

    private static IEnumerable<string> CorpusQuotes() =>
        Directory.EnumerateFiles(Path.Combine(Corpus, "files"), "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => ArticleParser.Parse(File.ReadAllText(f), new Uri("https://page.example/")))
            .SelectMany(p => QuoteExtractor.Extract(p.MainText, p.BlockQuotes));

    private static IEnumerable<string> EssayWindows(EssayProfile essay)
    {
        var words = essay.Sentences.SelectMany(Words.Split).ToList();
        foreach (var length in new[] { 4, 5, 7, 10, 16, 30 })
        {
            for (var start = 0; start + length <= words.Count; start += 7)
            {
                var window = words.GetRange(start, length);
                yield return string.Join(' ', window);
                yield return string.Join(' ', window.Select((w, i) => i % 3 == 1 ? "zz" : w));
                yield return string.Join(' ', window.Where((_, i) => i % 5 != 2));
                yield return string.Join(' ', window.Select((w, i) => i % 4 == 0 && i + 1 < window.Count ? window[i + 1] : i % 4 == 1 ? window[i - 1] : w));
                yield return string.Join(' ', window.Select((w, i) => i % 5 == 4 ? "zz" : w));
            }
        }
    }
}
