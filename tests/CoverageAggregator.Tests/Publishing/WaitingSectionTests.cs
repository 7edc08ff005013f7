using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>Entries waiting for their Google News link to be resolved: a section of their own, encoded, never counted as coverage.</summary>
public class WaitingSectionTests
{
    private static readonly ExportWaiting Waiting = new(
        "https://news.google.com/rss/articles/CBMiabc?oc=5", "<b>AI Dispatch</b>", "Labs <script>alert(1)</script> automate research", SampleExport.Now, 2, SampleExport.Now.AddMinutes(30));

    [Fact]
    public void ThePageListsWaitingEntriesApartWithTheirGoogleNewsLinkAndOutletEncoded()
    {
        var export = SampleExport.Build() with { Waiting = [Waiting] };

        var html = CoveragePage.Render(export);

        Assert.Contains("<h2 id=\"waiting\">Waiting to be resolved</h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.google.com/rss/articles/CBMiabc?oc=5\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;AI Dispatch&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("2 tries", html, StringComparison.Ordinal);
        Assert.Contains("<strong>3</strong> articles", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutWaitingEntriesThereIsNoSection() =>
        Assert.DoesNotContain("id=\"waiting\"", CoveragePage.Render(SampleExport.Build()), StringComparison.Ordinal);

    [Fact]
    public void TheJsonKeepsTheWaitingListApartFromTheItemsAndAFilterKeepsIt()
    {
        var export = SampleExport.Build() with { Waiting = [Waiting] };

        var read = CoverageExport.FromJson(export.ToJson())!;

        Assert.Equal([Waiting], read.Waiting);
        Assert.DoesNotContain(read.Items, i => i.Url == Waiting.Url);
        Assert.Equal([Waiting], CoverageFilter.Parse(q => q == "kind" ? "article" : null).Apply(export).Waiting);
    }
}
