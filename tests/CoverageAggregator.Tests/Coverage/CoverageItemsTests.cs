using CoverageAggregator.Candidates;
using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Coverage;

public class CoverageItemsTests
{
    private static readonly EssayProfile Essay = CliffEssay.Profile();
    private static readonly Citation ByLink = new(CitesBy.Link, []);
    private const string Thread = "https://news.ycombinator.com/item?id=41343444";

    private static ResolvedCandidate Article(string url, ArticlePage? page = null, bool syndicated = false, (string, string)? thread = null, Candidate? found = null)
    {
        found ??= new Candidate { Url = url, Title = "Grid limits", Text = "The grid is the limit, says The Compute Cliff.", Author = "Feed Author", Outlet = "Test Feed", PublishedAt = CliffEssay.After };
        var text = new CandidateText(found.Title, page?.MainText ?? found.Text, found.Links, [], found.PublishedAt, url);
        var via = thread is { } named ? new AggregatorEntry(url, named.Item2, named) : null;
        return new ResolvedCandidate { Found = found, Url = url, Page = page, Text = text, Words = SplitText.Of(text), Syndicated = syndicated, Via = via };
    }

    private static IReadOnlyList<CoverageItem> Items(ResolvedCandidate candidate, Verdict verdict) =>
        CoverageItems.Of(CliffEssay.Context(), candidate, [verdict]);

    [Fact]
    public void AnArticleTakesItsOutletFromItsPageElseFromTheFeed()
    {
        var page = new ArticlePage { Url = new Uri("https://outlet.example/grid"), SiteName = "Outlet Weekly", MainText = "The grid is the limit." };

        Assert.Equal("Outlet Weekly", Assert.Single(Items(Article("https://outlet.example/grid", page), new(Essay, ByLink, []))).Outlet);
        Assert.Equal("Test Feed", Assert.Single(Items(Article("https://outlet.example/grid"), new(Essay, ByLink, []))).Outlet);
    }

    [Fact]
    public void ASyndicatedCopyNamesNoOutlet()
    {
        var page = new ArticlePage { Url = new Uri("https://syndicator.example/grid"), SiteName = "Syndicator", MainText = "The grid is the limit." };

        Assert.Null(Assert.Single(Items(Article("https://original.example/grid", page, syndicated: true), new(Essay, ByLink, []))).Outlet);
    }

    [Fact]
    public void NoVerdictGivesNoItem() =>
        Assert.Empty(Items(Article("https://outlet.example/grid"), new(Essay, null, [])));

    [Fact]
    public void AnAggregatorsEntryForTheEssayGivesOnlyItsThreadAsADiscussionOfTheEssay()
    {
        var item = Assert.Single(Items(Article(CliffEssay.Url, thread: (Thread, "Hacker News")), new(Essay, null, []) { IsTheEssay = true }));

        Assert.Equal(Thread, item.Url);
        Assert.Equal(CoverageKinds.Discussion, item.Kind);
        Assert.Null(item.About);
    }

    [Fact]
    public void AnAggregatorsEntryForACitingArticleGivesTheArticleAndItsThreadAboutIt()
    {
        var page = new ArticlePage { Url = new Uri("https://outlet.example/grid"), Title = "Grid limits, by the outlet", Author = "Page Author", MainText = "The grid is the limit." };

        var items = Items(Article("https://outlet.example/grid", page, thread: (Thread, "Hacker News")), new(Essay, ByLink, []));

        var article = Assert.Single(items, i => i.Kind == CoverageKinds.Article);
        Assert.Equal(("Grid limits, by the outlet", "Page Author"), (article.Title, article.Author)); // the submitter's title and name are not the article's
        var thread = Assert.Single(items, i => i.Kind == CoverageKinds.Discussion);
        Assert.Equal(("https://outlet.example/grid", Thread), (thread.About, thread.Url));
        Assert.Equal(["Hacker News"], article.Via);
    }

    [Fact]
    public void APointerEntrysArticlesAreItemsOfTheirOwnAndTheEntryIsNone()
    {
        var pointed = CandidateResolver.OfPage(new ArticlePage { Url = new Uri("https://gradient.example/cliff"), SiteName = "Gradient Ledger", MainText = "Okafor's essay." })!;

        var item = Assert.Single(Items(Article("https://aggregator.example/261016/p12"), new(Essay, null, [(pointed, ByLink)])));

        Assert.Equal(("https://gradient.example/cliff", "Gradient Ledger"), (item.Url, item.Outlet));
    }

    [Fact]
    public void APostKeepsWhatItsPlatformSaid()
    {
        var post = new Candidate
        {
            Url = "https://bsky.app/profile/a.example/post/3k", Kind = CoverageKinds.Post, Outlet = "Bluesky", Author = "a.example", Text = "Read The Compute Cliff.",
            Language = "en", Parent = "https://bsky.app/profile/b.example/post/1", Engagement = new Engagement(Likes: 4), PublishedAt = CliffEssay.After, Complete = true,
        };

        var item = Assert.Single(Items(CandidateResolver.AsIs(post), new(Essay, ByLink, [])));

        Assert.Equal((CoverageKinds.Post, "Bluesky", "a.example", "en"), (item.Kind, item.Outlet, item.Author, item.Language));
        Assert.Equal(("https://bsky.app/profile/b.example/post/1", 4), (item.Parent, item.Engagement?.Likes));
        Assert.Equal("Read The Compute Cliff.", item.Excerpt);
    }
}
