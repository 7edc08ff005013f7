using System.Text;
using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Tests.Resolving;

public class GoogleNewsLinksTests
{
    private const string OpaqueLink = "https://news.google.com/rss/articles/CBMiAU_yqLNopaqueTokenWithoutAnyUrlInside?oc=5";

    /// <summary>An old-style token: base64url of 0x08 0x13 0x22 len URL 0xD2 0x01 0x00.</summary>
    private static string OldStyleLink(string articleUrl)
    {
        var url = Encoding.UTF8.GetBytes(articleUrl);
        byte[] bytes = [0x08, 0x13, 0x22, (byte)url.Length, .. url, 0xD2, 0x01, 0x00];
        return "https://news.google.com/rss/articles/" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "?oc=5";
    }

    private static PageResolver Resolver(StubHandler handler) =>
        new(new Fetcher(new HttpClient(handler), Options.Create(new CoverageOptions()), NullLogger<Fetcher>.Instance));

    [Theory]
    [InlineData("https://news.google.com/rss/articles/CBMi?oc=5", true)]
    [InlineData("https://NEWS.google.com/articles/x", true)]
    [InlineData("https://example.com/news.google.com/rss/articles/x", false)]
    [InlineData("https://googlenews.example/a", false)]
    public void RecognisesGoogleNewsLinksByHost(string url, bool expected) => Assert.Equal(expected, GoogleNewsLinks.IsGoogleNews(url));

    [Fact]
    public void AnOldStyleTokenGivesTheArticleUrlBack() =>
        Assert.Equal("https://outlet.example/2026/10/16/story/", GoogleNewsLinks.DecodeArticleUrl(OldStyleLink("https://outlet.example/2026/10/16/story/")));

    [Fact]
    public void AnOpaqueTokenGivesNothing() => Assert.Null(GoogleNewsLinks.DecodeArticleUrl(OpaqueLink));

    [Theory]
    [InlineData("Utilities brace for AI load", "Utilities brace for AI load", true)]
    [InlineData("Utilities brace for AI load", "Utilities Brace For AI Load!", true)]
    [InlineData("Utilities brace for the new AI load", "Utilities brace for the new AI load | Outlet", true)]
    [InlineData("Utilities brace for AI load", "Utilities ignore AI load", false)]
    [InlineData("AI", "AI chips are scarce this winter in Europe", false)]
    public void TitlesMatchByTheirWords(string a, string b, bool expected) => Assert.Equal(expected, GoogleNewsLinks.SameTitle(a, b));

    [Fact]
    public void TheSourceSuffixIsTakenOffTheTitle() =>
        Assert.Equal("Utilities brace for AI load", GoogleNewsLinks.TitleWithoutSource("Utilities brace for AI load - Kilowatt Daily", "Kilowatt Daily"));

    [Fact]
    public async Task AnOpaqueLinkIsFoundInTheOutletsOwnFeedByTitle()
    {
        var handler = new StubHandler()
            .Add("https://outlet.example/", """<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>""")
            .Add("https://outlet.example/feed.xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>
                <item><title>Another story</title><link>https://outlet.example/other</link></item>
                <item><title>Utilities brace for AI load</title><link>https://outlet.example/news/utilities-brace?utm_source=rss</link></item>
                </channel></rss>
                """, "application/rss+xml");
        var found = await Resolver(handler).FindPublisherArticleAsync(OpaqueLink, "Utilities brace for AI load", "https://outlet.example/", CancellationToken.None);
        Assert.Equal("https://outlet.example/news/utilities-brace?utm_source=rss", found.Url);
    }

    [Fact]
    public async Task WithoutAFeedALinkWithTheTitleOnTheHomePageIsUsed()
    {
        var handler = new StubHandler()
            .Add("https://outlet.example/", """<html><body><a href="/a">Other</a><a href="/news/utilities-brace">Utilities brace for AI load</a></body></html>""");
        var found = await Resolver(handler).FindPublisherArticleAsync(OpaqueLink, "Utilities brace for AI load", "https://outlet.example/", CancellationToken.None);
        Assert.Equal("https://outlet.example/news/utilities-brace", found.Url);
    }

    [Fact]
    public async Task NothingIsFoundWhenTheOutletDoesNotListTheTitle()
    {
        var handler = new StubHandler().Add("https://outlet.example/", """<html><body><a href="/a">Other story entirely</a></body></html>""");
        Assert.Null((await Resolver(handler).FindPublisherArticleAsync(OpaqueLink, "Utilities brace for AI load", "https://outlet.example/", CancellationToken.None)).Url);
    }

    [Fact]
    public async Task AnOldStyleTokenIsDecodedWithoutAnyFetch()
    {
        var handler = new StubHandler();
        var found = await Resolver(handler).FindPublisherArticleAsync(OldStyleLink("https://outlet.example/x"), "T", null, CancellationToken.None);
        Assert.Equal("https://outlet.example/x", found.Url);
        Assert.Empty(handler.Requested);
    }
}
