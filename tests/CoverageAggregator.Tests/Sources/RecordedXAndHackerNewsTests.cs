using System.Text.Json;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.HackerNews;
using CoverageAggregator.Sources.X;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

/// <summary>
/// Responses the platforms really gave (or their own documentation shows), served from loopback as recorded: each is read
/// into posts without loss. Where each comes from: TestData/Social/SOURCES-x-hackernews.md.
/// </summary>
public class RecordedXAndHackerNewsTests
{
    [Fact]
    public async Task ARecordedRecentSearchIsReadInFullAndItsNewestIdIsKeptForTheNextRun()
    {
        await using var api = new RoutedApi()
            .On("/2/tweets/search/recent", r => r.Headers["Authorization"] == "Bearer test-token" ? Reply.Json("x-recorded-tweepy-search-recent.json") : Reply.Unauthorized());
        var fetcher = Fetcher();

        var run = await new XCollector(fetcher, Judge(fetcher)).CollectAsync(Context(SourceKinds.X, api.BaseUrl, "test-token"), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        Assert.Equal(10, run.Entries);
        Assert.Contains(api.Seen, r => r.PathAndQuery.Contains("next_token=b26v89c19zqg8o3fpzbn1e0ffhxjiofzw6po136rvbnul", StringComparison.Ordinal));
        Assert.Equal(20, run.PostsRead); // the page, then the same page again for its next_token: X bills both
        Assert.Contains("\"1578516068309794817\"", run.Cursor, StringComparison.Ordinal);
        Assert.Empty(run.Items); // "tweepy" posts do not cite the essay
    }

    [Fact]
    public void TheDocumentedExpansionOfAReplyGivesThePostItAnswersAsItsParent()
    {
        var posts = XPosts.Of(XFixtures.Read("x-recorded-docs-expansions.json")).ToList();

        Assert.Equal(2, posts.Count);
        var reply = posts[0];
        Assert.Equal("https://x.com/TwitterDev/status/1212092628029698048", reply.Url);
        Assert.Equal("https://x.com/TwitterDev/status/1212092627178287104", reply.Parent);
        Assert.Equal("https://x.com/i/web/status/1212092626247110657", posts[1].Parent); // not in the page: named by id alone
    }

    [Fact]
    public void TheDocumentedStoryHitGivesPointsAndCommentsAsEngagement()
    {
        var hit = Assert.Single(Hits("hn-recorded-docs-search.json"));

        var post = HackerNewsPosts.From(hit)!;

        Assert.Equal(("https://news.ycombinator.com/item?id=1", CoverageKinds.Discussion, "Y Combinator"), (post.Url, post.Kind, post.Title));
        Assert.Equal(new Engagement(Replies: 2, Points: 57), post.Engagement);
        Assert.Null(post.Parent);
    }

    [Fact]
    public void ARecordedCommentHitIsAPostAttachedToItsStoryWithoutPoints()
    {
        var hit = Assert.Single(Hits("hn-recorded-comment-hit.json"));

        var post = HackerNewsPosts.From(hit)!;

        Assert.Equal(("https://news.ycombinator.com/item?id=9999999", CoverageKinds.Post, "tcas"), (post.Url, post.Kind, post.Author));
        Assert.Equal("https://news.ycombinator.com/item?id=9998227", post.Parent);
        Assert.Null(post.Engagement); // Algolia gives comments "points": null
    }

    private static List<HackerNewsWire.Hit> Hits(string fixture) =>
        JsonSerializer.Deserialize<HackerNewsWire.SearchResult>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Social", fixture)), HackerNewsWire.Json)!.Hits!;
}
