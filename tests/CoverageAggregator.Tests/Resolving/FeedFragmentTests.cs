using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

public class FeedFragmentTests
{
    private static readonly Uri Base = new("https://outlet.example/2026/story/");

    [Theory]
    [InlineData("  A plain   summary,\n with its spacing folded. ")]
    [InlineData("Ein Text ohne Auszeichnung: “Zitate” bleiben.")]
    public void PlainTextReadsAsTheSameTextWhetherParsedOrNot(string text) =>
        Assert.Equal(ArticleParser.ReadFragment("<div>" + text + "</div>", Base).Text, ArticleParser.ReadFragment(text, Base).Text);

    [Fact]
    public void AnEntityOrATagIsStillParsed()
    {
        Assert.Equal("AT&T and “The Compute Cliff”", ArticleParser.ReadFragment("AT&amp;T and &ldquo;The Compute Cliff&rdquo;", Base).Text);
        var (text, links, _) = ArticleParser.ReadFragment("See <a href=\"/essay\">this</a>.", Base);
        Assert.Equal(("See this.", "https://outlet.example/essay"), (text, links.Single()));
    }
}
