using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
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
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Corpus megabytes (2^20 bytes) per second of mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Throughput";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Megabytes of feed text parsed per second (mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats
                ? (FeedCorpus.TotalBytes / 1048576.0 / (stats.Mean / 1e9)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
                : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
