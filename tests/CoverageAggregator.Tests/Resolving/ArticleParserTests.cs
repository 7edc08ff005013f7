using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

public class ArticleParserTests
{
    private static readonly Uri PageUrl = new("https://zeitung.example/wirtschaft/strom-statt-chips?utm_source=feed");

    private static ArticlePage Page() =>
        ArticleParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Pages", "news-article.html")), PageUrl);

    [Fact]
    public void MainTextKeepsTheArticleParagraphsAndLeavesOutNavigationSidebarCaptionAndFooter()
    {
        var text = Page().MainText;
        Assert.Contains("Die Rechenzentren für künstliche Intelligenz wachsen schneller", text);
        Assert.Contains("„Wir gehen nicht der Rechenleistung verlustig, sondern den Steckdosen“", text);
        Assert.Contains("kleiner modularer Reaktoren", text);
        Assert.DoesNotContain("Startseite", text);
        Assert.DoesNotContain("Meistgelesen", text);
        Assert.DoesNotContain("Umspannwerk am Stadtrand", text);
        Assert.DoesNotContain("Impressum", text);
    }

    [Fact]
    public void ParagraphsAreOnSeparateLines()
    {
        var lines = Page().MainText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Energieversorger widersprechen", StringComparison.Ordinal));
    }

    [Fact]
    public void LinksComeFromTheMainTextOnly()
    {
        var links = Page().Links;
        Assert.Contains("https://essay.example/p/the-essay?utm_source=zeitung", links);
        Assert.DoesNotContain(links, l => l.Contains("/impressum", StringComparison.Ordinal) || l.Contains("anderes", StringComparison.Ordinal) || l.EndsWith("/a", StringComparison.Ordinal));
    }

    [Fact]
    public void BlockQuotesOfTheMainTextAreKept() =>
        Assert.Equal(["The cliff is not a wall we hit all at once but a slope that gets steeper every quarter."], Page().BlockQuotes);

    [Fact]
    public void MetadataComesFromMetaTagsAndJsonLdInAnyLanguage()
    {
        var page = Page();
        Assert.Equal("https://zeitung.example/wirtschaft/strom-statt-chips", page.CanonicalUrl);
        Assert.Equal("Beispielzeitung", page.SiteName);
        Assert.Equal("Strom statt Chips", page.Title);
        Assert.Equal("Jürgen Weiß", page.Author);
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 6, 30, 0, TimeSpan.Zero), page.PublishedAt);
        Assert.Equal("de", page.Language);
    }

    [Fact]
    public void DublinCoreMetadataGivesTheBylineAndThePublisher()
    {
        // The head of the dev corpus's captured Kilowatt Weekly page (compute-cliff-real), whose byline block also
        // carries the date: Dublin Core is its only author and publisher metadata.
        const string html = """
            <html><head><title>Utilities brace for AI load | Kilowatt Weekly</title>
            <meta name="DC.title" content="Utilities brace for AI load">
            <meta name="DC.creator" content="Hal Ostrowski">
            <meta name="DC.date" content="2026-10-16T08:00:00+01:00">
            <meta name="DC.publisher" content="Kilowatt Weekly"></head>
            <body><div class="byline">By Hal Ostrowski · 2026-10-16</div><p>Utilities are bracing for AI load.</p></body></html>
            """;

        var page = ArticleParser.Parse(html, new Uri("https://kilowattweekly.com/news/2026/10/16/utilities-brace-ai-load/"));

        Assert.Equal(("Hal Ostrowski", "Kilowatt Weekly"), (page.Author, page.SiteName));
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 7, 0, 0, TimeSpan.Zero), page.PublishedAt);
    }

    [Fact]
    public void APageWithoutAnArticleContainerStillYieldsItsText()
    {
        var page = ArticleParser.Parse("<html><body><div>Kurz.</div></body></html>", PageUrl);
        Assert.Contains("Kurz.", page.MainText);
    }
}

public class ArticleParserRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<html><body><article></article></body></html>")]
    [InlineData("\u0000\u0001\u0002 not html at all \uFFFD\uFFFD")]
    [InlineData("<table><tr><td><table><tr><td><p>deep</p></td></tr></table></td></tr></table>")]
    [InlineData("<svg><script>alert(1)</script></svg><p>text</p>")]
    public void OddDocumentsParseWithoutThrowing(string html)
    {
        var page = ArticleParser.Parse(html, new Uri("https://example.com/a"));
        Assert.NotNull(page.MainText);
    }

    [Fact]
    public void ADeeplyNestedDocumentParses()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 3000)) + "<p>Deep text in a deep page.</p>" + string.Concat(Enumerable.Repeat("</div>", 3000)) + "</body></html>";
        Assert.Contains("Deep text", ArticleParser.Parse(html, new Uri("https://example.com/a")).MainText);
    }
}

public class SyndicationTests
{
    [Theory]
    [InlineData("syndication-source")]
    [InlineData("original-source")]
    public void ACopyDeclaresItsOriginal(string name)
    {
        var html = $"<html><head><meta name=\"{name}\" content=\"https://wire.example/story\"></head><body><p>Text.</p></body></html>";
        Assert.Equal("https://wire.example/story", ArticleParser.Parse(html, new Uri("https://paper.example/copy")).SyndicationSource);
    }

    [Fact]
    public void AnOriginalDeclaresNone() =>
        Assert.Null(ArticleParser.Parse("<html><head></head><body><p>Text.</p></body></html>", new Uri("https://wire.example/story")).SyndicationSource);
}
