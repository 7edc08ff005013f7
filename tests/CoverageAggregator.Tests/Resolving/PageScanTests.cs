using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

/// <summary>
/// The cheap scan of a page's raw HTML keeps every page that may cite (by each form the matcher knows) and lets go of
/// pages that cannot. Each kept case is also checked against the matcher, so the scan is tested as the superset it must be.
/// </summary>
public class PageScanTests
{
    private const string Sentence = "We are not running out of compute; we are running out of places to plug it in.";

    private static readonly EssayProfile Essay = new(new EssayConfig
    {
        Id = "cliff",
        Title = "The Compute Cliff",
        Author = "Mara Okafor",
        Publication = "Frontier Notes",
        Urls = ["https://frontiernotes.substack.com/p/the-compute-cliff", "https://maraokafor.net/2026/10/the-compute-cliff/"],
        PublishedAt = new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero),
    }, [], Sentence + "\nThe cliff is not a wall we hit all at once but a slope that gets steeper every quarter someone waits for a substation.");

    private static readonly PageScan Scan = PageScan.For([Essay]);

    private static string Page(string body) =>
        "<!DOCTYPE html><html lang=\"en\"><head><title>Grid notes</title><meta property=\"og:site_name\" content=\"Grid Weekly\"></head>"
        + "<body><nav><a href=\"/\">Home</a></nav><article><h1>Grid notes</h1><p>Transformers are back-ordered into 2028 and utilities "
        + "are rationing interconnection slots for new data halls.</p>" + body + "</article></body></html>";

    [Theory]
    [InlineData("<p>See <a href=\"https://frontiernotes.substack.com/p/the-compute-cliff?utm_source=twitter&amp;utm_medium=social\">this</a>.</p>")]
    [InlineData("<p>See <a href=\"https://maraokafor.net/2026/10/the-compute-cliff/\">the mirror</a>.</p>")]
    [InlineData("<p>See <a href=\"https://web.archive.org/web/20261015000000/https://frontiernotes.substack.com/p/the-compute-cliff\">a snapshot</a>.</p>")]
    [InlineData("<p>See <a href=\"https://archive.ph/newest/https://maraokafor.net/2026/10/the-compute-cliff/\">a snapshot</a>.</p>")]
    [InlineData("<p>See <a href=\"https://www.google.com/url?q=https%3A%2F%2Ffrontiernotes.substack.com%2Fp%2Fthe-compute-cliff&amp;sa=D\">this</a>.</p>")]
    [InlineData("<p>See <a href=\"https://frontiernotes-substack-com.cdn.ampproject.org/c/s/frontiernotes.substack.com/p/the-compute-cliff/amp\">this</a>.</p>")]
    public void APageThatLinksTheEssayInAnyFormIsKept(string body)
    {
        var html = Page(body);

        Assert.Equal(CitesBy.Link, Cites(html)?.By);
        Assert.True(Scan.MayCite(html));
    }

    [Theory]
    [InlineData("<p>Worth a read: <a href=\"https://bit.ly/3xYzAbc\">here</a>.</p>")]
    [InlineData("<p>Worth a read: <a href=\"https://t.co/AbCdEf123\">here</a>.</p>")]
    [InlineData("<p>Worth a read: <a href=\"https://www.google.com/url?q=https://example.org/x\">here</a>.</p>")]
    public void APageWhoseOnlyLinkMayHideTheEssayIsKept(string body) => Assert.True(Scan.MayCite(Page(body)));

    [Fact]
    public void AFeedProxyInThePagesHeadIsNoLinkOfItsText() =>
        Assert.False(Scan.MayCite(Page("<p>Subscribe.</p>").Replace("</head>", "<link rel=\"alternate\" href=\"https://feeds.feedburner.com/gridweekly\"></head>", StringComparison.Ordinal)));

    [Fact]
    public void ThreeEssayWordsInARowThatSayEnoughAreKeptAndThreeCommonOnesAreNot()
    {
        Assert.True(Scan.MayCite(Page("<p>A slope that <em>gets steeper</em> every quarter, they say.</p>")));
        Assert.False(Scan.MayCite(Page("<p>We are not sure it is all at once.</p>")));
    }

    [Theory]
    [InlineData("<p>As one writer put it, “we are running out of places to plug it in.”</p>")]
    [InlineData("<blockquote><p>We are not running out of <em>compute</em>; we are running out of places to plug it in.</p></blockquote>")]
    [InlineData("<p>She wrote that &ldquo;we are running out of places to plug&nbsp;it&nbsp;in&rdquo;.</p>")]
    [InlineData("<p>&#8220;The cliff is not a wall we hit all at once but a slope&#8221;, one analyst wrote.</p>")]
    [InlineData("<p>Sie schreibt: „we are running out of places to plug it in“, und das stimmt.</p>")]
    public void APageThatQuotesTheEssayIsKept(string body)
    {
        var html = Page(body);

        Assert.Equal(CitesBy.Quote, Cites(html)?.By);
        Assert.True(Scan.MayCite(html));
    }

    [Theory]
    [InlineData("<p>In The Compute Cliff, Mara Okafor argues that power is the limit.</p>")]
    [InlineData("<p>In <i>The Compute Cliff</i>, <a href=\"/authors/okafor\">Mara <b>Okafor</b></a> argues that power is the limit.</p>")]
    [InlineData("<p>In The&nbsp;Compute&nbsp;Cliff, Mara&#160;Okafor argues that power is the limit.</p>")]
    [InlineData("<p>Dans « The Compute Cliff », l’essai de Mara Okafor paru dans Frontier Notes, elle soutient que l’électricité manque.</p>")]
    [InlineData("<p>在《The Compute Cliff》一文中，Mara Okafor 认为电力才是瓶颈。</p>")]
    [InlineData("<p>In THE COMPUTE CLIFF, MARA OKAFOR argues that power is the limit.</p>")]
    public void APageThatNamesTheEssayIsKeptInAnyLanguageOrMarkup(string body)
    {
        var html = Page(body);

        Assert.Equal(CitesBy.Mention, Cites(html)?.By);
        Assert.True(Scan.MayCite(html));
    }

    [Theory]
    [InlineData("<p>La dernière lettre d’Okafor a beaucoup circulé.</p>")]
    [InlineData("<p>L'essai qu'Okafor a publié a beaucoup circulé.</p>")]
    public void ANameAfterAnElidedWordIsReadAsWordsSplitReadsIt(string body) => Assert.True(Scan.MayCite(Page(body)));

    [Fact]
    public void APageNamingOnlyTheAuthorIsKeptForItsLinksToBeFollowed() =>
        Assert.True(Scan.MayCite(Page("<p>Okafor’s newsletter has more on this.</p>")));

    [Theory]
    [InlineData("<p>Utilities in three states have paused new connections until the substations are upgraded.</p>")]
    [InlineData("<p>The Clarkson report, out this week, says the compute market will cool. <a href=\"https://frontiernotes.substack.com/\">Frontier</a></p>")]
    [InlineData("<p>We are not sure; it is the end of the day and all at once the plan changed.</p>")]
    [InlineData("<p>Okaforia is a made-up word, and so is cliffside-compute.</p>")]
    public void APageThatCannotCiteIsLetGo(string body)
    {
        var html = Page(body);

        Assert.Null(Cites(html));
        Assert.False(Scan.MayCite(html));
    }

    [Fact]
    public void AWordSplitByInlineMarkupIsReadWhole()
    {
        var html = Page("<p>A new essay by <span class=\"dropcap\">O</span>kafor on the grid.</p>");

        Assert.NotNull(Cites(html) ?? (CitationMatcher.MayConcern(Essay, ArticleParser.Parse(html, new Uri("https://gridweekly.example/")).MainText) ? new Citation(CitesBy.Mention, []) : null));
        Assert.True(Scan.MayCite(html));
    }

    [Fact]
    public void AWordMadeOfANameAndMoreIsNotTheName() =>
        Assert.False(Scan.MayCite(Page("<p>The Okafor<b>ian</b> school of thought and <a href=\"/x\">Mara</a>thon training.</p>")));

    [Fact]
    public void AMetaTitleThatNamesTheEssayIsKept() =>
        Assert.True(Scan.MayCite("<html><head><meta property=\"og:title\" content=\"Reading The Compute Cliff\"></head><body><p>Text.</p></body></html>"));

    [Fact]
    public void CodeInScriptsAndStylesIsNoTextButJsonLdIsRead()
    {
        Assert.False(Scan.MayCite(Page("<script>var tags = ['Mara Okafor', 'The Compute Cliff'];</script><style>.okafor { color: red }</style><p>Nothing here.</p>")));
        Assert.True(Scan.MayCite(Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Reading The Compute Cliff\"}</script><p>Nothing here.</p>")));
    }

    [Fact]
    public void OneScanIsBuiltPerListOfEssays()
    {
        IReadOnlyList<EssayProfile> essays = [Essay];

        Assert.Same(PageScan.For(essays), PageScan.For(essays));
    }

    private static Citation? Cites(string html)
    {
        var page = ArticleParser.Parse(html, new Uri("https://gridweekly.example/2026/10/grid-notes"));
        return CitationMatcher.Match(Essay, new CandidateText(page.Title, page.MainText, page.Links, page.BlockQuotes, new DateTimeOffset(2026, 10, 20, 0, 0, 0, TimeSpan.Zero)));
    }
}
