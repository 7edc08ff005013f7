using System.Text;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Tests.Feeds;

public class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example/feed/");

    [Fact]
    public void RssItemKeepsContentEncodedCreatorAndAbsoluteLink()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>News</title><link>https://news.example/</link>
            <item><title>A story</title><link>/2026/10/a-story/</link><guid isPermaLink="false">abc-1</guid>
            <pubDate>Thu, 15 Oct 2026 09:30:00 GMT</pubDate><dc:creator>Priya Raman</dc:creator>
            <description>Short</description><content:encoded><![CDATA[<p>Full <a href="https://essay.example/p/x">text</a></p>]]></content:encoded></item>
            </channel></rss>
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("https://news.example/2026/10/a-story/", entry.Link);
        Assert.Equal("Priya Raman", entry.Author);
        Assert.Contains("essay.example", entry.ContentHtml, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 9, 30, 0, TimeSpan.Zero), entry.PublishedAt);
        Assert.Equal(EntryIdentity.Of("abc-1", null, null, null), entry.Id);
    }

    [Fact]
    public void AtomEntryLinksResolveAgainstXmlBase()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/">
            <title>Blog</title>
            <entry><title>Post</title><link href="posts/2026/one/"/><id>tag:blog.example,2026:1</id>
            <published>2026-10-17T14:20:00Z</published><author><name>Tomás Ferreira</name></author>
            <content type="html" xml:base="posts/2026/one/">&lt;a href="../two/"&gt;two&lt;/a&gt;</content></entry>
            </feed>
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("https://blog.example/posts/2026/one/", entry.Link);
        Assert.Equal("Tomás Ferreira", entry.Author);
        Assert.Equal(new Uri("https://blog.example/posts/2026/one/"), entry.ContentBase);
    }

    [Fact]
    public void JsonFeedItemsAreRead()
    {
        var feed = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://t.example/",
             "items":[{"id":"1","url":"https://t.example/a","title":"A","content_html":"<p>x</p>","date_published":"2026-10-15T16:00:00Z","authors":[{"name":"Leo Brandt"}]}]}
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("https://t.example/a", entry.Link);
        Assert.Equal("Leo Brandt", entry.Author);
    }

    [Fact]
    public void MalformedXmlWithBareAmpersandsAndHtmlEntitiesIsRecoveredWithAWarning()
    {
        var feed = Parse("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>R & R</title>
            <item><title>Power &amp; plants&nbsp;&raquo; now</title><link>https://r.example/article.php?id=1&ref=rss</link></item>
            </channel></rss>
            """);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Power & plants » now", entry.Title);
        Assert.Equal("https://r.example/article.php?id=1&ref=rss", entry.Link);
        Assert.NotEmpty(feed.Warnings);
    }

    [Fact]
    public void TruncatedFeedKeepsItsCompleteItems()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>T</title><item><title>One</title><link>https://t.example/1</link></item><item><title>Tw");
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void EntityDeclarationsAreRefused()
    {
        var bomb = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><title>&b;</title></channel></rss>
            """;
        Assert.Throws<FeedFormatException>(() => Parse(bomb));
    }

    [Fact]
    public void EntityDeclarationsHiddenBehindJunkAreStillNeverExpanded()
    {
        var bomb = new StringBuilder("<br><b>Notice</b>\n<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">");
        }

        bomb.Append("]><rss version=\"2.0\"><channel><title>T</title><item><title>&a9;</title><link>https://b.example/1</link></item></channel></rss>");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var title = Assert.Single(Parse(bomb.ToString()).Entries).Title;

        Assert.Equal("&a9;", title);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * 1024 * 1024);
    }

    [Fact]
    public void Windows1252FeedDeclaredOnlyInTheXmlDeclarationDecodes()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>B</title><item><title>Siobhán’s £5 – test</title><link>https://b.example/1</link></item></channel></rss>");
        var feed = FeedParser.Parse(bytes, FeedUrl);
        Assert.Equal("Siobhán’s £5 – test", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void HtmlIsNotAFeed() =>
        Assert.Throws<FeedFormatException>(() => Parse("<html><body><p>Not a feed</p></body></html>"));

    private static ParsedFeed Parse(string text) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), FeedUrl);
}
