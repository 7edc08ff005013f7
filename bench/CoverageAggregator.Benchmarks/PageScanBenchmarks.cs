using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// The page scan the collector runs on a fetched page before parsing it (PageScan.MayCite over the raw HTML, for the
/// corpora's essays: <see cref="EssayCorpus"/>) against what it saves: ArticleParser.Parse, which the collector runs on
/// every page the scan keeps, and a bare AngleSharp parse; over the 181 Zyte pages (real articles that do not cite the
/// essays, the common case), in pages/s and MB/s. The floor is one pass over every character of the same HTML.
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*PageScan*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PageScanBenchmarks
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private IReadOnlyList<SavedPage> _pages = [];
    private PageScan _scan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pages = ArticleCorpus.All;
        var essays = EssayCorpus.Essays;
        _scan = PageScan.For(essays);
        var kept = Scan();
        var citing = _pages.Count(p => ArticleParser.Parse(p.Html, p.Url) is var page
            && essays.Any(e => CitationMatcher.Match(e, new CandidateText(page.Title, page.MainText, page.Links, page.BlockQuotes, null)) is not null));
        Console.WriteLine($"// corpus: {_pages.Count} pages, {ArticleCorpus.TotalBytes / 1048576.0:0.0} MB of HTML, {essays.Count} essays;"
            + $" the scan keeps {kept} pages, {citing} cite");
        if (kept < citing || ReadEveryCharacter() == 0)
        {
            throw new InvalidOperationException("the scan let a citing page go, or the floor read nothing");
        }
    }

    /// <summary>The floor: every character of the HTML read once (counting the markup's '&lt;').</summary>
    [Benchmark(Baseline = true)]
    public int ReadEveryCharacter()
    {
        var tags = 0;
        foreach (var page in _pages)
        {
            tags += page.Html.AsSpan().Count('<');
        }

        return tags;
    }

    [Benchmark]
    public int Scan()
    {
        var kept = 0;
        foreach (var page in _pages)
        {
            kept += _scan.MayCite(page.Html) ? 1 : 0;
        }

        return kept;
    }

    [Benchmark]
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
