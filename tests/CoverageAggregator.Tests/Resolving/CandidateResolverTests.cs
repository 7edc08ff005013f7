using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Resolving;

public class CandidateResolverTests
{
    private const string Body = "<p>The grid, not chips, is the limit on how fast AI can grow, a new essay argues at length.</p>";

    private static async Task<Resolution> ResolveAsync(StubHandler handler, Candidate candidate, bool readPage) =>
        await new CandidateResolver(CliffEssay.Pages(handler))
            .ResolveAsync(candidate, new SplitText(candidate.Title + "\n" + candidate.Text), readPage, scan: null, CancellationToken.None);

    [Fact]
    public async Task ACopyWhoseCanonicalNamesTheOriginalIsKnownByTheOriginalAndNamesNoOutletOfItsOwn()
    {
        var handler = new StubHandler().Add("https://syndicator.example/news/grid",
            CliffEssay.Page("Grid limits", Body, canonical: "https://original.example/2026/10/grid", siteName: "Syndicator"));

        var resolved = (await ResolveAsync(handler, new Candidate { Url = "https://syndicator.example/news/grid", Text = "Summary." }, readPage: true)).Candidate!;

        Assert.Equal("https://original.example/2026/10/grid", resolved.Url);
        Assert.Contains("https://syndicator.example/news/grid", resolved.AlsoAt);
        Assert.True(resolved.Syndicated);
    }

    [Fact]
    public async Task ASelfCanonicalPageKeepsItsOwnIdentity()
    {
        var handler = new StubHandler().Add("https://outlet.example/grid?utm_source=rss",
            CliffEssay.Page("Grid limits", Body, canonical: "https://outlet.example/grid", siteName: "Outlet"));

        var resolved = (await ResolveAsync(handler, new Candidate { Url = "https://outlet.example/grid?utm_source=rss", Text = "Summary." }, readPage: true)).Candidate!;

        Assert.Equal("https://outlet.example/grid", resolved.Url);
        Assert.False(resolved.Syndicated);
        Assert.Equal("Outlet", resolved.Page!.SiteName);
    }

    [Fact]
    public async Task ThePagesTextIsJudgedWithTheFeedsLinks()
    {
        var handler = new StubHandler().Add("https://outlet.example/grid", CliffEssay.Page("Grid limits", Body));

        var resolved = (await ResolveAsync(handler, new Candidate
        {
            Url = "https://outlet.example/grid", Title = "Grid limits (feed)", Text = "Summary.", Links = ["https://elsewhere.example/a"],
        }, readPage: true)).Candidate!;

        Assert.Contains("not chips", resolved.Text.Text, StringComparison.Ordinal);
        Assert.Contains("https://elsewhere.example/a", resolved.Text.Links);
        Assert.Equal("Grid limits (feed)", resolved.Text.Title);
        Assert.True(resolved.Deep);
    }

    [Fact]
    public async Task AShortLinkJudgedFromTheFeedIsFollowedToWhereItLands()
    {
        var handler = new StubHandler().Redirect("https://bit.ly/3xYz", "https://outlet.example/grid").Add("https://outlet.example/grid", CliffEssay.Page("Grid limits", Body));

        var resolved = (await ResolveAsync(handler, new Candidate { Url = "https://bit.ly/3xYz", Text = "A long enough text." }, readPage: false)).Candidate!;

        Assert.Equal("https://outlet.example/grid", resolved.Url);
        Assert.False(resolved.Deep);
    }

    [Fact]
    public async Task AnEntryKnownOnlyByAGoogleNewsUrlIsNoCandidate()
    {
        var resolution = await ResolveAsync(new StubHandler(), new Candidate
        {
            Url = "https://news.google.com/rss/articles/CBMiXkFVX3lxTE9abc?oc=5", Text = "A long enough text.",
        }, readPage: false);

        Assert.Null(resolution.Candidate);
        Assert.Null(resolution.TryLater);
    }

    [Fact]
    public async Task ACompletePostIsKnownByItsOwnUrlAndNothingIsFetched()
    {
        var handler = new StubHandler();

        var resolved = (await ResolveAsync(handler, new Candidate
        {
            Url = "https://bsky.app/profile/a.example/post/3k", AlsoAt = ["at://did:plc:a/app.bsky.feed.post/3k"], Text = "Short.", Complete = true,
        }, readPage: false)).Candidate!;

        Assert.Equal("https://bsky.app/profile/a.example/post/3k", resolved.Url);
        Assert.Equal(["at://did:plc:a/app.bsky.feed.post/3k"], resolved.AlsoAt);
        Assert.Empty(handler.Requested);
    }

    [Fact]
    public async Task AnAggregatorsEntryForAnArticleIsViaTheAggregatorAndNamesItsThread()
    {
        var resolved = (await ResolveAsync(new StubHandler(), new Candidate
        {
            Url = "https://outlet.example/grid",
            Text = "Article URL: https://outlet.example/grid Comments URL: https://news.ycombinator.com/item?id=41343444 Points: 12 # Comments: 3",
            Links = ["https://outlet.example/grid", "https://news.ycombinator.com/item?id=41343444"],
            Aggregator = Aggregators.Of("https://outlet.example/grid", ["https://outlet.example/grid", "https://news.ycombinator.com/item?id=41343444"], "Comments URL"),
        }, readPage: false)).Candidate!;

        Assert.Equal(("https://news.ycombinator.com/item?id=41343444", "Hacker News"), resolved.Thread);
        Assert.Equal("Hacker News", resolved.Via?.Via);
    }
}
