using System.Xml.Linq;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Tests.Feeds;

public class FeedReaderItemsTests
{
    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>T</title><item><title>One</title><link>https://a.example/1</link><guid>g-1</guid></item><item><title>Two</title></item></channel></rss>", 2)]
    [InlineData("<rss version=\"0.91\"><channel><title>T</title><item><title>One</title><link>https://a.example/1</link></item></channel></rss>", 1)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"x\"><title>T</title></channel><item rdf:about=\"https://a.example/1\"><title>One</title><link>https://a.example/1</link></item></rdf:RDF>", 1)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><title>One</title><id>urn:1</id></entry><entry><title>Two</title><id>urn:2</id></entry></feed>", 2)]
    public void FeedReaderReadsEveryItemOfTheSafelyParsedTree(string xml, int items)
    {
        var root = XDocument.Parse(xml).Root!;
        var read = FeedReaderItems.Read(root, xml);
        Assert.Equal(items, read.Count);
        Assert.Equal("One", read.Values.First().Title);
    }

    [Fact]
    public void FeedReaderValuesReachTheEntries()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>One</title><link>https://a.example/1</link><guid isPermaLink=\"false\">g-1</guid></item></channel></rss>";
        var entry = Assert.Single(FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), new Uri("https://a.example/feed")).Entries);
        Assert.Equal(EntryIdentity.Of("g-1", null, null, null), entry.Id);
        Assert.Equal("https://a.example/1", entry.Link);
    }

    [Fact]
    public void AFormatFeedReaderDoesNotKnowLeavesTheMappersToReadTheElements() =>
        Assert.Empty(FeedReaderItems.Read(XElement.Parse("<channel><item><title>x</title></item></channel>"), "<channel/>"));
}
