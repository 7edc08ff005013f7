using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Tests.Resolving;

/// <summary>Outbound links are followed only when they may lead to the essay (short links, redirectors), at once and each once.</summary>
public class OutboundLinkTests
{
    private const string EssayUrl = "https://importai.substack.com/p/import-ai-455-ai-systems-are-about";

    private static readonly EssayProfile Essay = new(new EssayConfig { Id = "e", Title = "Import AI 455", Urls = [EssayUrl] }, [], null);

    [Theory]
    [InlineData("https://t.co/AbC123", true)]
    [InlineData("https://s.id/abc", true)]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com", true)]
    [InlineData("https://www.google.com/url?q=https://example.com/", true)]
    [InlineData("https://news.google.com/rss/articles/CBMiABC?oc=5", true)]
    [InlineData("https://open.substack.com/pub/importai/p/import-ai-455", true)]
    [InlineData("https://www.google.com/search?q=import+ai", false)]
    [InlineData("https://arxiv.org/abs/2401.00001", false)]
    [InlineData("https://github.com/metr/eval", false)]
    public void OnlyLinksThatMayRedirectAreWorthFollowing(string url, bool expected) => Assert.Equal(expected, ShortLinks.MayRedirect(url));

    [Fact]
    public async Task OfAPageWithManyLinksOnlyTheShortOnesAreFetchedEachOnce()
    {
        var handler = new StubHandler()
            .Redirect("https://bit.ly/ia455", EssayUrl + "?r=abc")
            .Redirect("https://t.co/other", "https://arxiv.org/abs/2401.00001")
            .Add(EssayUrl + "?r=abc", "<html><body><p>The essay.</p></body></html>")
            .Add("https://arxiv.org/abs/2401.00001", "<html><body><p>A paper.</p></body></html>");
        var pages = Pages(handler);
        var links = Enumerable.Range(0, 55).Select(i => $"https://outlet{i}.example/story/{i}")
            .Append("https://t.co/other").Append("https://bit.ly/ia455").ToList();

        var first = await pages.FindEssayTargetAsync(Essay, links, 10, CancellationToken.None);
        var second = await pages.FindEssayTargetAsync(Essay, links, 10, CancellationToken.None);

        Assert.True(Essay.IsEssayUrl(first));
        Assert.Equal(first, second);
        Assert.DoesNotContain(handler.Requested, r => r.Contains("outlet", StringComparison.Ordinal));
        Assert.Equal(1, handler.Requested.Count(r => r == "https://bit.ly/ia455"));
        Assert.Equal(1, handler.Requested.Count(r => r == "https://t.co/other"));
    }

    [Fact]
    public async Task APageThatLinksNothingThatMayRedirectCausesNoFetch()
    {
        var handler = new StubHandler();
        var pages = Pages(handler);

        Assert.Null(await pages.FindEssayTargetAsync(Essay, ["https://arxiv.org/abs/2401.00001", "https://metr.example/time-horizons"], 10, CancellationToken.None));
        Assert.Empty(handler.Requested);
    }

    [Fact]
    public async Task AnArticleThatSeveralRoundupsLinkIsFetchedOnce()
    {
        var handler = new StubHandler().Add("https://outlet.example/story", "<html><body><p>A story.</p></body></html>");
        var pages = Pages(handler);

        await Roundups.CitingArticlesAsync(pages, Essay, ["https://outlet.example/story"], CancellationToken.None);
        await Roundups.CitingArticlesAsync(pages, Essay, ["https://outlet.example/story?utm_source=rss"], CancellationToken.None);

        Assert.Single(handler.Requested);
    }

    private static PageResolver Pages(StubHandler handler) =>
        new(new Fetcher(new HttpClient(handler), Options.Create(new CoverageOptions()), NullLogger<Fetcher>.Instance));
}
