using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.X;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

/// <summary>
/// X beyond the search itself: long posts, quotes of posts that link the essay, the conversation of the essay author's
/// announcement, public metrics, and what a run reads (since_id per query, start_time, posts read).
/// Fixtures x-thread-*.json follow the v2 shapes of x-recorded-*.json (see TestData/Social/SOURCES-x-hackernews.md).
/// </summary>
public class XThreadTests
{
    private const string Recent = "/2/tweets/search/recent";
    private const string Lookup = "/2/tweets";
    private const string Token = "test-token";
    private const string Announcement = "https://x.com/anareyes/status/2033121022571446272";

    private static XCollector Collector()
    {
        var fetcher = Fetcher();
        return new XCollector(fetcher, Judge(fetcher));
    }

    private static RoutedApi XApi() => new RoutedApi()
        .On(Recent, Reply.Json("x-thread-conversation.json"), "conversation_id%3A2033121022571446272")
        .On(Recent, Reply.Json("x-thread-search.json"));

    private static async Task<SourceRun> RunAsync(RoutedApi api, string? cursor = null)
    {
        var context = Context(SourceKinds.X, api.BaseUrl, Token);
        context.State.Cursor = cursor;
        return await Collector().CollectAsync(context, CancellationToken.None);
    }

    [Fact]
    public async Task AReplyDiscussingTheEssayInTheAuthorsAnnouncementConversationIsCoverageAttachedToTheAnnouncement()
    {
        await using var api = XApi();

        var run = await RunAsync(api);

        Assert.Equal(FetchOutcome.Ok, run.Outcome);
        Assert.Contains(api.Seen, r => Uri.UnescapeDataString(r.PathAndQuery).Contains("query=conversation_id:2033121022571446272 -is:retweet", StringComparison.Ordinal));
        var reply = Assert.Single(run.Items, i => i.Author == "pilot_jo");
        Assert.Equal(("https://x.com/pilot_jo/status/2033815599313846272", Announcement, CitesBy.Mention), (reply.Url, reply.Parent, reply.CitesBy));
        Assert.Equal(new Engagement(Likes: 14, Reposts: 0, Replies: 2, Quotes: 1), reply.Engagement);
    }

    [Fact]
    public async Task AReactionAndAPostOfAnotherConversationAreNotCoverage()
    {
        await using var api = XApi();

        var run = await RunAsync(api);

        Assert.DoesNotContain(run.Items, i => i.Author is "quick_reply" or "elsewhere");
    }

    [Fact]
    public async Task AQuoteOfAPostThatLinksTheEssayCitesByLinkAndIsAttachedToTheQuotedPost()
    {
        await using var api = XApi();

        var run = await RunAsync(api);

        var quote = Assert.Single(run.Items, i => i.Author == "dock_ops");
        Assert.Equal((CitesBy.Link, "https://x.com/rosa_v/status/2028847865656246272"), (quote.CitesBy, quote.Parent));
        var quoted = Assert.Single(run.Items, i => i.Author == "rosa_v");
        Assert.Equal((CitesBy.Link, (string?)null), (quoted.CitesBy, quoted.Parent));
        Assert.Equal(new Engagement(Likes: 140, Reposts: 18, Replies: 5, Quotes: 4), quoted.Engagement);
    }

    [Fact]
    public async Task ALongPostWhoseLinkComesPast280CharactersIsReadFromItsNoteTweet()
    {
        await using var api = XApi();

        var run = await RunAsync(api);

        var post = Assert.Single(run.Items, i => i.Author == "longform_lena");
        Assert.Equal(CitesBy.Link, post.CitesBy); // the link is only in note_tweet.entities
        var read = Assert.Single(XPosts.Of(XFixtures.Read("x-thread-search.json")), p => p.Author == "longform_lena");
        Assert.EndsWith("reading your own port's tide tables: https://t.co/L0ngF0rm01", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicMetricsBecomeEngagementAndTheNewerReadingOfAPostMetTwiceIsKept()
    {
        await using var api = XApi();

        var run = await RunAsync(api);

        var announcement = Assert.Single(run.Items, i => i.Url == Announcement);
        Assert.Equal(new Engagement(Likes: 322, Reposts: 41, Replies: 13, Quotes: 6), announcement.Engagement);
        Assert.Equal(322 + 41 + 13 + 6, announcement.Engagement!.Total);
    }

    [Fact]
    public async Task TheFirstRunStartsNoEarlierThanTheEssayAndTheSearchWindowAndAsksForEveryFieldItReads()
    {
        await using var api = XApi();

        await RunAsync(api);

        var first = Uri.UnescapeDataString(api.Seen[0].PathAndQuery);
        Assert.Contains("start_time=2026-03-13T12:01:00Z", first, StringComparison.Ordinal); // the essay (2 March) is older than the 7-day window
        Assert.DoesNotContain("since_id=", first, StringComparison.Ordinal);
        Assert.Contains("tweet.fields=created_at,entities,lang,author_id,note_tweet,public_metrics,referenced_tweets,conversation_id", first, StringComparison.Ordinal);
        Assert.Contains("expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id", first, StringComparison.Ordinal);
    }

    [Fact]
    public void StartTimeIsTheEssaysPublicationWhenItIsInsideTheWindow()
    {
        var context = Context(SourceKinds.X, "http://127.0.0.1:9", Token);
        var recent = new EssayProfile(Essay().Essay with { PublishedAt = Now.AddDays(-2) }, [], null);

        Assert.Equal(Now.AddDays(-2), XCollector.StartTime(context with { Essays = [recent] }));
        Assert.Equal(Now - XCursor.Window, XCollector.StartTime(context));
    }

    [Fact]
    public async Task TheNextRunResumesEachQueryAfterTheNewestPostItReadAndFollowsTheAnnouncement()
    {
        await using var first = XApi();
        var cursor = (await RunAsync(first)).Cursor;
        await using var api = XApi();

        await RunAsync(api, cursor);

        var queries = api.Seen.Select(r => Uri.UnescapeDataString(r.PathAndQuery)).ToList();
        Assert.Contains(queries, q => q.Contains("url:\"harborletters.example", StringComparison.Ordinal) && q.Contains("since_id=2034223285662646272", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("conversation_id:2033121022571446272", StringComparison.Ordinal) && q.Contains("since_id=2034525275550646272", StringComparison.Ordinal));
        Assert.All(queries, q => Assert.DoesNotContain("start_time=", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnnouncementFoundInAnEarlierRunIsLookedUpSoItsNewRepliesAreJudgedInItsThread()
    {
        await using var first = XApi();
        var cursor = (await RunAsync(first)).Cursor;
        await using var api = new RoutedApi()
            .On(Recent, Reply.Json("x-thread-conversation.json"), "conversation_id%3A2033121022571446272")
            .On(Recent, new Reply(200, "{\"meta\":{\"result_count\":0}}"))
            .On(Lookup, Reply.Json("x-thread-conversation.json"), "ids=2033121022571446272");

        var run = await RunAsync(api, cursor);

        Assert.Contains(api.Seen, r => r.PathAndQuery.StartsWith(Lookup + "?ids=2033121022571446272", StringComparison.Ordinal));
        Assert.Equal(Announcement, Assert.Single(run.Items, i => i.Author == "pilot_jo").Parent);
    }

    [Fact]
    public async Task PostsReadCountEveryPostXReturnedSearchedForOrExpanded()
    {
        await using var api = XApi();

        var run = await RunAsync(api);

        // search: 3 posts and the quoted one; conversation: 3 posts (one of another conversation, billed all the same) and the announcement
        Assert.Equal(3 + 1 + 3 + 1, run.PostsRead);
    }
}
