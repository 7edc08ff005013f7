using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

public class CoveragePageTests
{
    [Fact]
    public void ThePageHasEverySectionAndTheCounts()
    {
        var html = CoveragePage.Render(SampleExport.Build());

        Assert.Contains("<h2 id=\"related\">Related coverage</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"discussion\">Discussion</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"quoted\">Most-quoted passages</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<strong>3</strong> articles", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"engagement\">42 likes</span>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>49</strong> engagements", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTextIsEncodedAndNonHttpLinksAreNotLinks()
    {
        var html = CoveragePage.Render(SampleExport.Build());

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AKindFilterKeepsOnlyThatKind()
    {
        var html = CoveragePage.Render(SampleExport.Build(), CoverageFilter.Parse(q => q == "kind" ? "discussion" : null));

        Assert.Contains("Thread on the fuse", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A story about the fuse", html, StringComparison.Ordinal);
        Assert.Contains("Showing 1 of 5 items", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DateOutletAndLanguageFiltersCombine()
    {
        var filter = CoverageFilter.Parse(q => q switch { "from" => "2026-03-04", "to" => "2026-03-05", "lang" => "en", _ => null });
        var export = filter.Apply(SampleExport.Build());

        Assert.Equal(["https://news.example/x", "https://social.example/p/1"], export.Items.Select(i => i.Url).Order(StringComparer.Ordinal));
        Assert.Single(CoverageFilter.Parse(q => q == "outlet" ? "reddit" : null).Apply(SampleExport.Build()).Items);
    }

    [Fact]
    public void MalformedFilterValuesAreIgnored()
    {
        var filter = CoverageFilter.Parse(q => q == "from" ? "yesterday" : null);

        Assert.True(filter.IsEmpty);
    }

    [Fact]
    public void ItemsFirstSeenAfterTheSinceDateAreMarkedNew()
    {
        var html = CoveragePage.Render(SampleExport.Build(), CoverageFilter.Parse(q => q == "since" ? "2026-03-05" : null));

        Assert.Contains("2 items since", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<span class=\"new\">New</span> ").Length - 1 - 1);
    }

    [Fact]
    public void APostAboutACoverageArticleIsListedWithThatArticle()
    {
        var export = SampleExport.Build();
        var thread = export.Items.Single(i => i.Kind == "discussion") with { About = "https://news.example/a?utm_source=x" };
        var html = CoveragePage.Render(CoverageExport.Build(export.Essay, export.Items.Select(i => i.Kind == "discussion" ? thread : i).ToList(), export.GeneratedAt));

        var article = html[html.IndexOf("A story about the fuse", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("class=\"threads\"", article, StringComparison.Ordinal);
        Assert.Contains("Reddit", article, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Reddit", html, StringComparison.Ordinal);
    }
}
