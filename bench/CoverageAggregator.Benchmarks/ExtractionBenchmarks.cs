using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Article main-text extraction over the 181 pages of the Zyte article-extraction benchmark (pages/s and MB/s of HTML):
/// ArticleParser.Parse, the call `coverage extract` and the collector make for every page (metadata, Readability main
/// text, links, block quotes); SmartReader's Readability pass alone (ReadabilityText.ContentHtml, which parses the HTML
/// again itself); and a bare AngleSharp parse of the same HTML as the floor.
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Extraction*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    /// <summary>The parser ArticleParser uses, with the same options.</summary>
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private IReadOnlyList<SavedPage> _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        _pages = ArticleCorpus.All;
        var withText = _pages.Count(p => ArticleParser.Parse(p.Html, p.Url).MainText.Length > 0);
        Console.WriteLine($"// corpus: {_pages.Count} pages, {ArticleCorpus.TotalBytes / 1048576.0:0.0} MB of HTML; main text found on {withText}");
        if (withText == 0 || BareAngleSharpParse() == 0 || ReadabilityContent() == 0)
        {
            throw new InvalidOperationException("extraction found no text: the benchmark would measure nothing");
        }
    }

    [Benchmark(Baseline = true)]
    public int BareAngleSharpParse()
    {
        var elements = 0;
        foreach (var page in _pages)
        {
            using var document = Parser.ParseDocument(page.Html);
            elements += document.All.Length;
        }

        return elements;
    }

    /// <summary>SmartReader (Readability) alone: its own AngleSharp parse, scoring and the content fragment.</summary>
    [Benchmark]
    public int ReadabilityContent()
    {
        var chars = 0;
        foreach (var page in _pages)
        {
            chars += ReadabilityText.ContentHtml(page.Html, page.Url)?.Length ?? 0;
        }

        return chars;
    }

    /// <summary>What `coverage extract` and the collector run per page: metadata, main text, links and block quotes.</summary>
    [Benchmark]
    public int ArticleParserParse()
    {
        var chars = 0;
        foreach (var page in _pages)
        {
            chars += ArticleParser.Parse(page.Html, page.Url).MainText.Length;
        }

        return chars;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn("pages/s", "Pages processed per second (mean)", _ => ArticleCorpus.All.Count));
            AddColumn(new ThroughputColumn("MB/s", "Megabytes (2^20 bytes) of HTML processed per second (mean)", _ => ArticleCorpus.TotalBytes / 1048576.0));
        }
    }
}
