using System.Xml.Linq;
using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

public class CoverageAtomTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void TheFeedIsWellFormedAtomWithOneEntryPerItem()
    {
        var feed = XDocument.Parse(CoverageAtom.Render(SampleExport.Build(), "https://coverage.example"));

        Assert.Equal(Atom + "feed", feed.Root!.Name);
        Assert.Equal(5, feed.Root.Elements(Atom + "entry").Count());
        Assert.Equal("https://coverage.example/api/essays/essay-1/coverage.atom",
            feed.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public void HostileTitlesStayTextAndJavascriptLinksAreDropped()
    {
        var text = CoverageAtom.Render(SampleExport.Build());
        var feed = XDocument.Parse(text);

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains(feed.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.StartsWith("<script>", StringComparison.Ordinal));
        Assert.DoesNotContain(feed.Descendants(Atom + "link"), l => l.Attribute("href")!.Value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }
}
