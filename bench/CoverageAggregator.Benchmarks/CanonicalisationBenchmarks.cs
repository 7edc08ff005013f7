using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// URL canonicalisation throughput (URLs/s) over thousands of real URLs from the test fixtures, the corpora, the feed
/// fixtures and the Zyte pages, each followed by a tracking-laden variant (<see cref="UrlCorpus"/>): UrlCanonicalizer.Canonicalize
/// (the URL stored and shown) and UrlCanonicalizer.Key (the identity every item key and essay-link test is built on),
/// beside a bare Uri.TryCreate of the same strings as the floor.
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Canonicalisation*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CanonicalisationBenchmarks
{
    private IReadOnlyList<string> _urls = [];

    [GlobalSetup]
    public void Setup()
    {
        _urls = UrlCorpus.All;
        var sameKey = 0;
        for (var i = 0; i + 1 < _urls.Count; i += 2)
        {
            if (UrlCanonicalizer.Key(_urls[i]) is { } key && key == UrlCanonicalizer.Key(_urls[i + 1]))
            {
                sameKey++;
            }
        }

        var canonical = Canonicalize();
        Console.WriteLine($"// corpus: {_urls.Count} URLs ({UrlCorpus.RealCount} real, the rest tracking-laden variants); {canonical} canonicalise;"
            + $" {sameKey} variants have the key of their original");
        if (canonical == 0 || sameKey == 0 || Key() == 0 || UriTryCreate() == 0)
        {
            throw new InvalidOperationException("no URL canonicalised: the benchmark would measure nothing");
        }
    }

    [Benchmark(Baseline = true)]
    public int UriTryCreate()
    {
        var parsed = 0;
        foreach (var url in _urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                parsed++;
            }
        }

        return parsed;
    }

    [Benchmark]
    public int Canonicalize()
    {
        var canonical = 0;
        foreach (var url in _urls)
        {
            if (UrlCanonicalizer.Canonicalize(url) is not null)
            {
                canonical++;
            }
        }

        return canonical;
    }

    [Benchmark]
    public int Key()
    {
        var keyed = 0;
        foreach (var url in _urls)
        {
            if (UrlCanonicalizer.Key(url) is not null)
            {
                keyed++;
            }
        }

        return keyed;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn("URLs/s", "URLs processed per second (mean)", _ => UrlCorpus.All.Count, "#,0"));
    }
}
