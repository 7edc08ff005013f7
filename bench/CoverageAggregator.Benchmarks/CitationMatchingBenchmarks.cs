using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Citation matching of article texts against an essay (<see cref="EssayCorpus"/>: the corpora's essays; their pages and
/// the 181 Zyte articles as candidates), in candidates/s: CitationMatcher.Match, which the feed collector and the social
/// judge run for every candidate and essay (essay links, quotes extracted and aligned with the essay's sentences,
/// mentions); CitationMatcher.MayConcern, the cheap test run on every feed entry; and the two halves of its quote step
/// alone, QuoteExtractor.Extract and QuoteMatcher.Match. The floor (the ratio's baseline) is reading each candidate's
/// words once per essay (Words.Split of its title and text), which any judge of its text must do.
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Citation*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CitationMatchingBenchmarks
{
    private IReadOnlyList<EssayProfile> _essays = [];
    private IReadOnlyList<CandidateText> _candidates = [];
    private List<IReadOnlyList<string>> _spans = [];

    [GlobalSetup]
    public void Setup()
    {
        _essays = EssayCorpus.Essays;
        _candidates = EssayCorpus.Candidates;
        _spans = _candidates.Select(c => QuoteExtractor.Extract(c.Text, c.BlockQuotes)).ToList();
        var citing = Match();
        Console.WriteLine($"// corpus: {_essays.Count} essays ({_essays.Sum(e => e.Sentences.Count)} sentences), {_candidates.Count} candidates,"
            + $" {QuoteExtract()} quoted spans, {QuoteMatch()} essay sentences quoted; {citing} citations, {MayConcern()} may concern an essay");
        if (JudgeEntrySplitOnce() != JudgeEntrySplitPerCall())
        {
            throw new InvalidOperationException("the entry judged with its words split once differs from the entry judged with a split per call");
        }

        if (_essays.All(e => e.Sentences.Count == 0))
        {
            throw new InvalidOperationException("no essay text found: quotes would never be aligned with essay sentences");
        }

        if (citing == 0)
        {
            throw new InvalidOperationException("no citation found: the benchmark would not measure the matching it exists for");
        }
    }

    /// <summary>The floor: each candidate's title and text split into words once per essay, as Match reads them.</summary>
    [Benchmark(Baseline = true)]
    public int SplitWords()
    {
        var words = 0;
        foreach (var _ in _essays)
        {
            foreach (var candidate in _candidates)
            {
                words += SplitText.Of(candidate).Words.Count;
            }
        }

        return words;
    }

    [Benchmark]
    public int Match()
    {
        var citations = 0;
        foreach (var essay in _essays)
        {
            foreach (var candidate in _candidates)
            {
                if (CitationMatcher.Match(essay, candidate) is not null)
                {
                    citations++;
                }
            }
        }

        return citations;
    }

    [Benchmark]
    public int MayConcern()
    {
        var concerned = 0;
        foreach (var essay in _essays)
        {
            foreach (var candidate in _candidates)
            {
                if (CitationMatcher.MayConcern(essay, candidate.Title + "\n" + candidate.Text))
                {
                    concerned++;
                }
            }
        }

        return concerned;
    }

    /// <summary>
    /// The tests the feed collector makes of one entry whose page it read, calling each with the text as a string: for
    /// each essay, may the entry concern it (whether to fetch the page); then for each essay, does it cite it, may it
    /// concern it (whether to follow its short links) and is it a roundup pointing at articles (Roundups.LinksToFollow).
    /// </summary>
    [Benchmark]
    public int JudgeEntrySplitPerCall()
    {
        var judged = 0;
        foreach (var candidate in _candidates)
        {
            foreach (var essay in _essays)
            {
                judged += CitationMatcher.MayConcern(essay, candidate.Title + "\n" + candidate.Text) ? 1 : 0;
            }

            foreach (var essay in _essays)
            {
                var citation = CitationMatcher.Match(essay, candidate);
                judged += citation is null ? 0 : 1;
                judged += citation is not { By: CitesBy.Link } && CitationMatcher.MayConcern(essay, candidate.Title + "\n" + candidate.Text) ? 1 : 0;
                judged += Roundups.LinksToFollow(essay, candidate, citation).Count;
            }
        }

        return judged;
    }

    /// <summary>The same tests as <see cref="JudgeEntrySplitPerCall"/>, as the feed collector makes them: the entry's title and text split once (SplitText) for all.</summary>
    [Benchmark]
    public int JudgeEntrySplitOnce()
    {
        var judged = 0;
        foreach (var candidate in _candidates)
        {
            var words = SplitText.Of(candidate);
            foreach (var essay in _essays)
            {
                judged += CitationMatcher.MayConcern(essay, words.Words) ? 1 : 0;
            }

            foreach (var essay in _essays)
            {
                var citation = CitationMatcher.Match(essay, candidate, words);
                judged += citation is null ? 0 : 1;
                judged += citation is not { By: CitesBy.Link } && CitationMatcher.MayConcern(essay, words.Words) ? 1 : 0;
                judged += Roundups.LinksToFollow(essay, candidate, citation, words).Count;
            }
        }

        return judged;
    }

    /// <summary>The quote extraction Match starts with (independent of the essay, so run once per candidate per essay as Match does).</summary>
    [Benchmark]
    public int QuoteExtract()
    {
        var spans = 0;
        foreach (var _ in _essays)
        {
            foreach (var candidate in _candidates)
            {
                spans += QuoteExtractor.Extract(candidate.Text, candidate.BlockQuotes).Count;
            }
        }

        return spans;
    }

    /// <summary>The rest of the quote step: the spans (extracted once in setup) aligned with the essay's sentences.</summary>
    [Benchmark]
    public int QuoteMatch()
    {
        var quoted = 0;
        foreach (var essay in _essays)
        {
            foreach (var spans in _spans)
            {
                quoted += QuoteMatcher.Match(essay, spans).Count;
            }
        }

        return quoted;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn("candidates/s", "Candidate texts judged per second (mean), for each essay", _ => EssayCorpus.Pairs, "#,0"));
    }
}
