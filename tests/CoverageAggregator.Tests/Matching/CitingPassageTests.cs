using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Matching;

public class CitingPassageTests
{
    private static readonly EssayProfile Essay = new(new EssayConfig
    {
        Id = "cliff", Title = "The Compute Cliff", Author = "Mara Okafor", Publication = "Frontier Notes",
        Urls = ["https://frontiernotes.example/p/the-compute-cliff"], Keywords = ["compute cliff"],
    }, [], "We are not running out of compute; we are running out of places to plug it in.");

    private static string Story(string subject) =>
        string.Join(' ', Enumerable.Repeat($"This week's story about {subject} goes on for a while with details and numbers.", 8));

    [Fact]
    public void InAMultiStoryIssueTheStoryThatCitesTheEssayIsTheExcerpt()
    {
        var issue = string.Join('\n', Story("memory prices"), Story("robot benchmarks"), "Power: Mara Okafor argues that the grid, not chips, is the limit.", Story("the grid"));
        Assert.StartsWith("Power: Mara Okafor argues", CitingPassage.Of(Essay, issue), StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleThatCitesTheEssayEarlyKeepsItsLede()
    {
        var article = string.Join('\n', "Lede paragraph about power.", "In The Compute Cliff, Okafor says so.", Story("the grid"), Story("chips"), Story("more"));
        Assert.StartsWith("Lede paragraph", CitingPassage.Of(Essay, article), StringComparison.Ordinal);
    }

    [Fact]
    public void AShortTextOrOneThatNeverNamesTheEssayIsShownWhole()
    {
        Assert.Equal("Short. Mara Okafor.", CitingPassage.Of(Essay, "Short. Mara Okafor."));
        var plain = string.Join('\n', Story("a"), Story("b"), Story("c"));
        Assert.Equal(plain, CitingPassage.Of(Essay, plain));
    }
}
