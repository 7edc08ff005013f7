using CoverageAggregator.Feeds;

namespace CoverageAggregator.Tests.Feeds;

public class FeedCandidatesTests
{
    [Fact]
    public void AnAggregatorsOutletSuffixIsLeftOutOfTheTitle()
    {
        var entry = new FeedEntry { Id = "1", Title = "Grid limits AI - The Outlet", Link = "https://news.google.com/rss/articles/x", SourceName = "The Outlet", SourceUrl = "https://outlet.example" };

        var candidate = FeedCandidates.Of(entry, "Google News search");

        Assert.Equal(("Grid limits AI", "The Outlet", "https://outlet.example"), (candidate.Title, candidate.Outlet, candidate.OutletUrl));
    }

    [Fact]
    public void TheFullerOfContentAndSummaryIsTheTextAndBothGiveTheirLinks()
    {
        var entry = new FeedEntry
        {
            Id = "1",
            Link = "https://outlet.example/grid",
            SummaryHtml = "<p>Short, see <a href=\"https://a.example/summary\">this</a>.</p>",
            ContentHtml = "<p>The long text of the article, with <a href=\"https://a.example/content\">a link</a> and more words than the summary has.</p>",
        };

        var candidate = FeedCandidates.Of(entry, "Test Feed");

        Assert.StartsWith("The long text", candidate.Text, StringComparison.Ordinal);
        Assert.Equal(["https://a.example/content", "https://a.example/summary"], candidate.Links);
        Assert.Equal("Test Feed", candidate.Outlet);
        Assert.False(candidate.Complete);
    }
}
