using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

public class ShortLinksTests
{
    [Theory]
    [InlineData("https://t.co/AbC123", true)]
    [InlineData("https://bit.ly/3xYz", true)]
    [InlineData("http://feedproxy.google.com/~r/outlet/~3/abc/story", true)]
    [InlineData("https://feeds.feedburner.com/~r/outlet/~3/abc/", true)]
    [InlineData("https://feeds.feedburner.com/outlet", false)]
    [InlineData("https://open.substack.com/pub/frontier/p/essay", true)]
    [InlineData("https://outlet.example/story", false)]
    [InlineData("not a url", false)]
    public void ShortenersAndFeedProxiesAreRecognised(string url, bool expected) => Assert.Equal(expected, ShortLinks.IsShortOrProxy(url));
}
