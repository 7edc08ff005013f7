using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CoverageAggregator.Deduplication;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Near-duplicate signatures per second over real article texts (the main text of the 181 Zyte benchmark pages, extracted
/// once in setup): TextSignature.Of(text)?.Serialize(), the call the feed collector makes for every article it stores,
/// and Words.Split alone (the normalisation and word split the signature starts with), to show where the time goes.
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Deduplication*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DeduplicationSignatureBenchmarks
{
    private List<string> _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _texts = ArticleCorpus.Parsed.Select(p => p.MainText).ToList();
        var signed = SignatureOf();
        Console.WriteLine($"// corpus: {_texts.Count} article texts, {_texts.Sum(t => (long)t.Length) / 1048576.0:0.00} M chars; {signed} long enough to sign");
        if (signed == 0 || WordsSplit() == 0)
        {
            throw new InvalidOperationException("no text signed: the benchmark would measure nothing");
        }
    }

    [Benchmark]
    public int SignatureOf()
    {
        var signed = 0;
        foreach (var text in _texts)
        {
            if (TextSignature.Of(text)?.Serialize() is not null)
            {
                signed++;
            }
        }

        return signed;
    }

    [Benchmark]
    public int WordsSplit()
    {
        var words = 0;
        foreach (var text in _texts)
        {
            words += Words.Split(text).Count;
        }

        return words;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn("texts/s", "Article texts processed per second (mean)", _ => ArticleCorpus.All.Count, "#,0"));
    }
}
