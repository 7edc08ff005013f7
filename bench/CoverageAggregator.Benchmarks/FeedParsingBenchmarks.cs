using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using System.Xml;
using System.Xml.Linq;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Feed parsing throughput (MB/s) over at least 10 MB of mixed real-world feeds, beside a bare XmlReader pass over the
/// same bytes in the same run. Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Feed*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FeedParsingBenchmarks
{
    private static readonly XmlReaderSettings TreeSettings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };

    private IReadOnlyList<byte[]> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _documents = FeedCorpus.All;
        Console.WriteLine($"// corpus: {_documents.Count} documents from {FeedCorpus.DistinctFeeds} distinct feeds, {FeedCorpus.TotalBytes / 1048576.0:0.0} MB");
    }

    [Benchmark(Baseline = true)]
    public int BareXmlReaderPass()
    {
        var nodes = 0;
        foreach (var document in _documents)
        {
            nodes += XmlReaderPass.Read(document);
        }

        return nodes;
    }

    /// <summary>The part of FeedParser before mapping: decode to text and load the XDocument tree the mappers walk.</summary>
    [Benchmark]
    public int DecodeAndLoadTree()
    {
        var elements = 0;
        foreach (var document in _documents)
        {
            using var reader = XmlReader.Create(new StringReader(TextDecoding.Decode(document, null)), TreeSettings);
            elements += XDocument.Load(reader).Root is null ? 0 : 1;
        }

        return elements;
    }

    [Benchmark]
    public int FeedParserParse()
    {
        var entries = 0;
        foreach (var document in _documents)
        {
            entries += FeedParser.Parse(document, FeedCorpus.FeedUrl).Entries.Count;
        }

        return entries;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() =>
            AddColumn(new ThroughputColumn("MB/s", "Megabytes (2^20 bytes) of feed text parsed per second (mean)", _ => FeedCorpus.TotalBytes / 1048576.0));
    }
}
