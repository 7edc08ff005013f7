using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Tests.Resolving;

public class RoundupsTests
{
    private static readonly EssayProfile Essay = new(new EssayConfig
    {
        Id = "cliff",
        Title = "The Compute Cliff",
        Author = "Mara Okafor",
        Publication = "Frontier Notes",
        Urls = ["https://frontiernotes.example/p/the-compute-cliff"],
        Keywords = ["The Compute Cliff", "compute cliff"],
        PublishedAt = new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero),
    }, [], "We are not running out of compute; we are running out of places to plug it in.");

    private static readonly DateTimeOffset After = new(2026, 10, 16, 0, 0, 0, TimeSpan.Zero);

    private static CandidateText Cluster(params string[] links) => new(
        "Power, not chips, will cap AI training, says Mara Okafor's The Compute Cliff",
        "Gradient Ledger: Power, not chips, will cap AI training, says viral essay by Mara Okafor. More: Circuit Brief, Tensor Times. X: @someone",
        links, [], After, "https://aggregator.example/261016/p12");

    private static string ArticleHtml(string title, string body) =>
        $"<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"{title} Outlet\"></head><body><article><h1>{title}</h1>{body}</article></body></html>";

    [Fact]
    public void AClusterAboutTheEssayFollowsItsArticleLinksButNotSocialOwnOrEssayLinks()
    {
        var links = Roundups.LinksToFollow(Essay, Cluster(
            "https://gradientledger.example/2026/10/15/compute-cliff/",
            "https://circuitbrief.example/2026/10/16/queue/",
            "https://x.com/someone/status/1",
            "https://aggregator.example/261016/p13",
            "https://tensortimes.example/"), null);
        Assert.Equal(["https://gradientledger.example/2026/10/15/compute-cliff/", "https://circuitbrief.example/2026/10/16/queue/"], links);
    }

    [Fact]
    public void AnEntryThatLinksTheEssayItselfIsCoverageAndIsNotFollowed() =>
        Assert.Empty(Roundups.LinksToFollow(Essay, Cluster("https://frontiernotes.example/p/the-compute-cliff", "https://a.example/story"), new Citation(CitesBy.Link, [])));

    [Fact]
    public void AnEntryThatDoesNotConcernTheEssayIsNotFollowed() =>
        Assert.Empty(Roundups.LinksToFollow(Essay, new CandidateText("HBM4 prices", "Memory makers raise HBM4 prices.", ["https://a.example/story"], [], After), null));

    [Fact]
    public void ALongArticleIsNotAPointerEntry()
    {
        var text = "Mara Okafor wrote The Compute Cliff. " + string.Join(' ', Enumerable.Repeat("More analysis of the grid follows here.", 60));
        Assert.Empty(Roundups.LinksToFollow(Essay, new CandidateText("Analysis", text, ["https://a.example/story"], [], After), null));
    }

    [Fact]
    public async Task OnlyTheLinkedArticlesThatCiteTheEssayAreCoverage()
    {
        var handler = new StubHandler()
            .Add("https://gradientledger.example/2026/10/15/compute-cliff/", ArticleHtml("Gradient Ledger",
                "<p>The essay <a href=\"https://frontiernotes.example/p/the-compute-cliff?utm_source=x\">The Compute Cliff</a> argues that the grid, not chips, is the limit on how fast AI can grow over the next decade, and many agree.</p>" +
                "<p>Utilities say they are building as fast as they can, but transformer orders now take years to fill, and the queues keep growing.</p>"))
            .Add("https://circuitbrief.example/2026/10/16/queue/", ArticleHtml("Circuit Brief",
                "<p>Interconnection queues are growing across the country as data center developers line up for power, according to new figures published this week.</p>" +
                "<p>Nothing here refers to any essay; it is a plain report on grid queues with numbers from the operators and no quotes.</p>"));
        var pages = new PageResolver(new Fetcher(new HttpClient(handler), Options.Create(new CoverageOptions()), NullLogger<Fetcher>.Instance));

        var found = await Roundups.CitingArticlesAsync(pages, Essay,
            ["https://gradientledger.example/2026/10/15/compute-cliff/", "https://circuitbrief.example/2026/10/16/queue/"], CancellationToken.None);

        var article = Assert.Single(found);
        Assert.Equal("https://gradientledger.example/2026/10/15/compute-cliff/", article.Article.Url);
        Assert.Equal(CitesBy.Link, article.Citation.By);
        Assert.Equal("Gradient Ledger Outlet", article.Article.Page!.SiteName);
    }
}
