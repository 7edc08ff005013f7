using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>The aggregator an article came through is shown beside it in every format, encoded, and never counts as its outlet.</summary>
public class ViaTests
{
    private static CoverageExport Export(params string[] via) => CoverageExport.Build(
        new ExportEssay("essay-1", "The Long Fuse", "Ada Writer", null, ["https://fuse.example/p/the-long-fuse"], null),
        [
            new ExportItem("https://news.example/a", [], "article", "News Example", "A story about the fuse", null, SampleExport.Now, "link", [], null, "en", SampleExport.Now, Via: via),
        ],
        SampleExport.Now);

    [Fact]
    public void ThePageSaysWhichAggregatorAnArticleCameThrough() =>
        Assert.Contains("<span class=\"via\">via Techmeme</span>", CoveragePage.Render(Export("Techmeme")), StringComparison.Ordinal);

    [Fact]
    public void AnAggregatorsNameIsEncodedOnThePage()
    {
        var html = CoveragePage.Render(Export("<b>Hacker News</b>"));

        Assert.Contains("via &lt;b&gt;Hacker News&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Hacker News", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonCsvAndAtomCarryTheAggregatorAndTheOutletStaysThePublisher()
    {
        var export = Export("Techmeme");

        Assert.Equal(["Techmeme"], CoverageExport.FromJson(export.ToJson())!.Items[0].Via);
        Assert.Equal(1, export.Counts.Outlets);
        Assert.EndsWith(",Techmeme\r\n", CoverageCsv.Render(export), StringComparison.Ordinal);
        Assert.Contains("News Example · cites by link · via Techmeme", CoverageAtom.Render(export), StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleFoundDirectlyHasNoVia()
    {
        var export = Export();

        Assert.DoesNotContain("class=\"via\"", CoveragePage.Render(export), StringComparison.Ordinal);
        Assert.DoesNotContain("\"via\"", CoverageExport.Build(export.Essay, [export.Items[0] with { Via = null }], SampleExport.Now).ToJson(), StringComparison.Ordinal);
    }
}
