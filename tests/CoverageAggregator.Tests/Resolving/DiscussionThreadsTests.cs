using CoverageAggregator.Coverage;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

public class DiscussionThreadsTests
{
    /// <summary>An hnrss item's description as hnrss writes it (its AlgoliaHit.GetDescription template).</summary>
    private const string Hnrss = """
        Article URL: https://serpentos.com/blog/2024/08/01/serpent-os-prealpha0-released/
        Comments URL: https://news.ycombinator.com/item?id=41343444
        Points: 13
        # Comments: 7
        """;

    [Theory]
    [InlineData("https://news.ycombinator.com/item?id=41343444", "https://news.ycombinator.com/item?id=41343444", "Hacker News")]
    [InlineData("https://old.reddit.com/r/MachineLearning/comments/1kx2ab/import_ai_455/?utm_source=rss", "https://www.reddit.com/r/MachineLearning/comments/1kx2ab/import_ai_455/", "Reddit")]
    [InlineData("https://lobste.rs/s/abc123/automating_ai_research", "https://lobste.rs/s/abc123", "Lobsters")]
    public void AForumThreadIsFoundAndNamed(string link, string url, string forum) =>
        Assert.Equal((url, forum), DiscussionThreads.Find(["https://serpentos.com/blog/", link]));

    [Theory]
    [InlineData("https://news.ycombinator.com/news")]
    [InlineData("https://news.ycombinator.com/user?id=pg")]
    [InlineData("https://www.reddit.com/r/MachineLearning/")]
    [InlineData("https://example.com/item?id=1")]
    public void OtherPagesOfTheForumsAreNoThread(string link) => Assert.Null(DiscussionThreads.Find([link]));

    [Fact]
    public void AThreadCountsOnlyInABlurbThatSpeaksOfComments()
    {
        string[] links = ["https://serpentos.com/blog/2024/08/01/serpent-os-prealpha0-released/", "https://news.ycombinator.com/item?id=41343444"];
        Assert.NotNull(DiscussionThreads.FindInBlurb(links, Hnrss));
        Assert.Null(DiscussionThreads.FindInBlurb(links, "As discussed on Hacker News last week, the release is out."));
        Assert.Null(DiscussionThreads.FindInBlurb(links, string.Concat(Enumerable.Repeat("A long article with its own comments section. ", 50))));
    }

    [Fact]
    public void TheStatedPointsAndCommentsAreEngagement() =>
        Assert.Equal(new Engagement(Replies: 7, Points: 13), DiscussionThreads.StatedCounts(Hnrss));
}
