using CoverageAggregator.Coverage;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Social;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class SocialJudgeThreadTests
{
    private const string Announcement = "https://social.example/ana/1";
    private static readonly DateTimeOffset At = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static SocialPost Post(string url, string text, string? parent = null, params string[] links) => new()
    {
        Url = url, AlsoAt = [url + "#alias"], Kind = CoverageKinds.Post, Outlet = "Social", Text = text, Links = links, PublishedAt = At, Parent = parent,
        Engagement = new Engagement(Likes: 3, Replies: 1),
    };

    private static async Task<IReadOnlyList<CoverageItem>> JudgeAsync(params SocialPost[] posts)
    {
        var fetcher = Fetcher();
        return await new SocialJudge(Judge(fetcher)).JudgeAsync(Context(SourceKinds.Bluesky, "http://127.0.0.1:9"), posts, CancellationToken.None);
    }

    [Fact]
    public async Task AReplyDiscussingTheEssayBelowAPostLinkingItIsCoverageAttachedToThatPost()
    {
        var items = await JudgeAsync(
            Post("https://social.example/reader/2", "Reyes is right that our port planners never look at the tide tables.", Announcement + "#alias"),
            Post(Announcement, "New essay out", null, EssayUrl));

        var reply = Assert.Single(items, i => i.Url == "https://social.example/reader/2");
        Assert.Equal(Announcement, reply.Parent);
        Assert.Equal(new Engagement(Likes: 3, Replies: 1), reply.Engagement);
        Assert.Null(Assert.Single(items, i => i.Url == Announcement).Parent);
    }

    [Fact]
    public async Task AReplyBelowAReactionIsAttachedToTheNearestPostThatIsCoverage()
    {
        var items = await JudgeAsync(
            Post(Announcement, "New essay out", null, EssayUrl),
            Post("https://social.example/fan/2", "lol", Announcement),
            Post("https://social.example/reader/3", "Reyes is right that our port planners never look at the tide tables.", "https://social.example/fan/2"));

        Assert.DoesNotContain(items, i => i.Url == "https://social.example/fan/2");
        Assert.Equal(Announcement, Assert.Single(items, i => i.Url == "https://social.example/reader/3").Parent);
    }

    [Fact]
    public async Task AReplyDiscussingTheEssayBelowAPostThatDoesNotCiteItIsNotCoverage()
    {
        var items = await JudgeAsync(
            Post("https://social.example/other/1", "Ports are busy this spring."),
            Post("https://social.example/reader/2", "Reyes is right that our port planners never look at the tide tables.", "https://social.example/other/1"));

        Assert.Empty(items);
    }
}
