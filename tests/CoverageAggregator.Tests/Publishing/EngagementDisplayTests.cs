using System.Xml.Linq;
using CoverageAggregator.Coverage;
using CoverageAggregator.Publishing;
using static CoverageAggregator.Tests.Publishing.ThreadedSample;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>Engagement and threads as the page, the JSON, Atom and CSV show them.</summary>
public class EngagementDisplayTests
{
    [Fact]
    public void APostShowsItsEngagementPerKindAndADiscussionItsCommentsAndPoints()
    {
        var html = CoveragePage.Render(Build());

        Assert.Contains("<span class=\"engagement\">12 likes · 3 reposts · 4 replies</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"engagement\">238 comments · 412 points</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RepliesQuotesAndCommentsAreShownUnderTheItemTheyAnswer()
    {
        var html = CoveragePage.Render(Build());

        var post = Section(html, "author of 100");
        Assert.Contains(XReply, post, StringComparison.Ordinal);
        Assert.Contains(XQuote, post, StringComparison.Ordinal); // its parent named by the post's other URL
        Assert.Contains("class=\"threads replies\"", post, StringComparison.Ordinal);
        Assert.Contains(Comment, Section(html, "author of item?id=41"), StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "href=\"" + XReply + "\""));
    }

    [Fact]
    public void AReplyWhoseParentIsNotShownStandsAlone()
    {
        var html = CoveragePage.Render(Build());

        Assert.Contains("<li class=\"post\">\n<p class=\"meta\"><span class=\"author\">author of 103</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlatformHeadingsAddUpTheirEngagementAndCountTheRepliesShownInThem()
    {
        var html = CoveragePage.Render(Build());

        Assert.Contains("<h3>X <span class=\"n\">(4)</span> <span class=\"sum\">· 20 likes · 4 reposts · 4 replies</span></h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Hacker News <span class=\"n\">(2)</span> <span class=\"sum\">· 238 replies · 412 points</span></h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutletHeadingAddsUpTheEngagementOfTheDiscussionOfItsArticles()
    {
        var html = CoveragePage.Render(Build());

        Assert.Contains("<h3>News Example <span class=\"sum\">· discussion: 9 likes · 1 repost</span></h3>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>688</strong> engagements", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonCountsCarryTheSumsPerPlatformAndPerOutletAndSurviveARoundTrip()
    {
        var export = CoverageExport.FromJson(Build().ToJson())!;

        Assert.Equal(new EngagementSum("X", 4, 20, 4, 4, 0, 0), export.Counts.EngagementByPlatform.Single(s => s.Name == "X"));
        Assert.Equal(new EngagementSum("Hacker News", 1, 0, 0, 238, 0, 412), export.Counts.EngagementByPlatform.Single(s => s.Name == "Hacker News"));
        Assert.Equal(new EngagementSum("News Example", 1, 9, 1, 0, 0, 0), Assert.Single(export.Counts.EngagementByOutlet));
        Assert.Equal(688, export.Counts.Engagement!.Total);
        Assert.Equal(XPost, export.Items.Single(i => i.Url == XReply).Parent);
    }

    [Fact]
    public void AtomEntriesCarryEngagementCountsAndNameTheEntryAReplyAnswers()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom", thr = "http://purl.org/syndication/thread/1.0", ca = CoverageAtom.EngagementNs;
        var feed = XDocument.Parse(CoverageAtom.Render(Build()));
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        XElement Entry(string url) => entries.Single(e => e.Elements(atom + "link").Any(l => (string?)l.Attribute("href") == url));

        var post = Entry(XPost).Element(ca + "engagement")!;
        Assert.Equal(("12", "3", "4", "0", "19"), ((string?)post.Attribute("likes"), (string?)post.Attribute("reposts"), (string?)post.Attribute("replies"), (string?)post.Attribute("quotes"), (string?)post.Attribute("total")));
        Assert.Null(post.Attribute("points"));
        Assert.Contains("12 likes · 3 reposts · 4 replies", Entry(XPost).Element(atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Equal(Entry(XPost).Element(atom + "id")!.Value, (string?)Entry(XQuote).Element(thr + "in-reply-to")!.Attribute("ref"));
        Assert.Equal("https://x.com/nobody/status/99", (string?)Entry(Orphan).Element(thr + "in-reply-to")!.Attribute("href"));
        Assert.Null(Entry(About).Element(thr + "in-reply-to")); // about an article is not a reply to it
    }

    [Fact]
    public void CsvHasAColumnPerKindOfEngagementTheTotalAndTheParent()
    {
        var rows = CoverageCsv.Render(Build()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith(",238,,412,650,,", rows.Single(r => r.Contains(Story + ",", StringComparison.Ordinal) && !r.EndsWith(Story + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",5,1,0,0,,6," + XPost + ",", rows.Single(r => r.Contains(XQuote, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",,,,,,," + Story + ",", rows.Single(r => r.Contains(Comment + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ParentsThatPointAtEachOtherDoNotHideEitherItem()
    {
        var export = Build();
        var a = export.Items.Single(i => i.Url == XReply) with { Parent = XQuote };
        var b = export.Items.Single(i => i.Url == XQuote) with { Parent = XReply };
        var looped = CoverageExport.Build(export.Essay, [.. export.Items.Where(i => i.Url is not (XReply or XQuote)), a, b], export.GeneratedAt);

        var html = CoveragePage.Render(looped);

        Assert.Contains("href=\"" + XReply + "\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"" + XQuote + "\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EngagementInWordsLeavesOutWhatThePlatformDidNotReport()
    {
        Assert.Equal("1 like · 2 reposts", EngagementText.Of(new Engagement(Likes: 1, Reposts: 2, Replies: 0)));
        Assert.Equal("1 comment · 1,204 points", EngagementText.Of(new Engagement(Replies: 1, Points: 1204), CoverageKinds.Discussion));
        Assert.Null(EngagementText.Of(new Engagement(Likes: 0)));
    }

    /// <summary>The list item of the post whose author is given, up to the next top-level post.</summary>
    private static string Section(string html, string author)
    {
        var start = html.IndexOf("<span class=\"author\">" + author + "</span>", StringComparison.Ordinal);
        var end = html.IndexOf("<li class=\"post\">", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
