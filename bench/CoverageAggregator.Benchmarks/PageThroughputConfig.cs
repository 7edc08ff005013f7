using BenchmarkDotNet.Configs;

namespace CoverageAggregator.Benchmarks;

/// <summary>Pages/s and MB/s over the Zyte pages (<see cref="ArticleCorpus"/>), for the benchmarks that read each page once per operation.</summary>
public sealed class PageThroughputConfig : ManualConfig
{
    public PageThroughputConfig()
    {
        AddColumn(new ThroughputColumn("pages/s", "Pages processed per second (mean)", _ => ArticleCorpus.All.Count));
        AddColumn(new ThroughputColumn("MB/s", "Megabytes (2^20 bytes) of HTML processed per second (mean)", _ => ArticleCorpus.TotalBytes / 1048576.0));
    }
}
