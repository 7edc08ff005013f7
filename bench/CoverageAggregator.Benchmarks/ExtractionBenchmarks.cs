using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Article main-text extraction over the 181 pages of the Zyte article-extraction benchmark (pages/s and MB/s of HTML):
/// ArticleParser.Parse, the call `coverage extract` and the collector make for every page (metadata, Readability main
/// text, links, block quotes); SmartReader's Readability pass alone (ReadabilityText.ContentHtml, which parses the HTML
/// again itself); and a bare AngleSharp parse of the same HTML as the floor (the ratio's baseline). Beside them the page
/// scan the collector runs before parsing a page (PageScan.MayCite over the raw HTML, for the corpora's essays:
/// <see cref="EssayCorpus"/>; these pages cite none, the common case), the scan followed by ArticleParser.Parse of the
/// pages it keeps (what the collector now does per page), and one pass over every character of the HTML (the scan's floor).
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Extraction*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PageThroughputConfig))]
public class ExtractionBenchmarks
{
    /// <summary>The parser ArticleParser uses, with the same options.</summary>
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private IReadOnlyList<SavedPage> _pages = [];
    private PageScan _scan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pages = ArticleCorpus.All;
        var essays = EssayCorpus.Essays;
        _scan = PageScan.For(essays);
        var parsed = _pages.Select(p => ArticleParser.Parse(p.Html, p.Url)).ToList();
        var withText = parsed.Count(p => p.MainText.Length > 0);
        var citing = parsed.Count(p => essays.Any(e => CitationMatcher.Match(e, new CandidateText(p.Title, p.MainText, p.Links, p.BlockQuotes, null)) is not null));
        var kept = Scan();
        Console.WriteLine($"// corpus: {_pages.Count} pages, {ArticleCorpus.TotalBytes / 1048576.0:0.0} MB of HTML; main text found on {withText};"
            + $" the scan for {essays.Count} essays keeps {kept}, {citing} cite");
        if (withText == 0 || BareAngleSharpParse() == 0 || ReadabilityContent() == 0 || ReadEveryCharacter() == 0)
        {
            throw new InvalidOperationException("extraction found no text: the benchmark would measure nothing");
        }

        if (kept < citing)
        {
            throw new InvalidOperationException("the scan let a citing page go");
        }
    }

    /// <summary>The scan's floor: every character of the HTML read once (counting the markup's '&lt;').</summary>
    [Benchmark]
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

    /// <summary>What the collector does with a page fetched for a summary: the scan, and ArticleParser.Parse of the pages it keeps.</summary>
    [Benchmark]
    public int ScanThenParse()
    {
        var chars = 0;
        foreach (var page in _pages)
        {
            chars += _scan.MayCite(page.Html) ? ArticleParser.Parse(page.Html, page.Url).MainText.Length : 0;
        }

        return chars;
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
}
