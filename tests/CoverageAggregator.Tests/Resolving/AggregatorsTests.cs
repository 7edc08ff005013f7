using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

public class AggregatorsTests
{
    // Techmeme's item of 20 Sep 2014 as recorded from techmeme.com/feed.xml in SyntropyDev/mms-api, model/story_test.go (itemRSS):
    // the description's links in document order (the thumbnail's article link, the permalink, the outlet's home page, the headline).
    private static readonly string[] RecordedItemLinks =
    [
        "http://techcrunch.com/2014/09/20/oculus-connect-announcements/",
        "http://www.techmeme.com/140920/p8#a140920p8",
        "http://techcrunch.com/",
        "http://techcrunch.com/2014/09/20/oculus-connect-announcements/",
    ];

    [Fact]
    public void ATechmemeItemIsReadAtThePublishersArticleViaTechmeme() =>
        Assert.Equal(
            new AggregatorEntry("http://techcrunch.com/2014/09/20/oculus-connect-announcements/", "Techmeme", null),
            Aggregators.Of("http://www.techmeme.com/140920/p8#a140920p8", RecordedItemLinks, "Josh Constine / TechCrunch: Oculus Reveals Its New Developer Kit"));

    [Fact]
    public void WithoutAThumbnailTheHeadlineIsReadNotThePermalinkOrTheOutletsHomePage() =>
        Assert.Equal(
            "https://www.bloomberg.com/news/articles/2026-10-09/story",
            Aggregators.Of("https://www.techmeme.com/261009/p18#a261009p18",
                ["https://www.techmeme.com/261009/p18#a261009p18", "https://www.bloomberg.com/", "https://www.bloomberg.com/news/articles/2026-10-09/story"], "Bloomberg:")?.ArticleUrl);

    [Fact]
    public void ATechmemeItemThatListsNoArticleHasNothingToRead() =>
        Assert.Equal(new AggregatorEntry(null, "Techmeme", null), Aggregators.Of("https://www.techmeme.com/261009/p18", ["https://www.techmeme.com/261009/p18", "https://www.bloomberg.com/"], ""));

    [Fact]
    public void AnHnrssItemIsReadAtItsLinkViaHackerNewsWithItsThread()
    {
        var entry = Aggregators.Of(
            "https://ai-dispatch.example/story",
            ["https://ai-dispatch.example/story", "https://news.ycombinator.com/item?id=41343444"],
            "Article URL: https://ai-dispatch.example/story Comments URL: https://news.ycombinator.com/item?id=41343444 Points: 13 # Comments: 7");

        Assert.Equal(("https://ai-dispatch.example/story", "Hacker News"), (entry?.ArticleUrl, entry?.Via));
        Assert.Equal(("https://news.ycombinator.com/item?id=41343444", "Hacker News"), entry?.Thread);
    }

    [Fact]
    public void APublishersOwnFeedItemIsNoAggregatorsEntry() =>
        Assert.Null(Aggregators.Of("https://ai-dispatch.example/story", ["https://www.techmeme.com/261009/p18"], "We were on Techmeme today."));
}
