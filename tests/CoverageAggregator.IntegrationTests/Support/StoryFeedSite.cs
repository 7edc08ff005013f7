using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>
/// A feed of numbered stories ("Story 0", "Story 1", ...) on a <see cref="ScriptedSite"/> at /feed.xml, their pages at
/// /story/N, each citing the essay "The Long Fuse": what the tests of pending and seen entries serve.
/// </summary>
public static class StoryFeedSite
{
    public const string EssayUrl = "https://fuse.example/p/the-long-fuse";

    /// <summary>A sources file with the essay and the site's feed, named <paramref name="feedName"/>.</summary>
    public static async Task<string> ConfigAsync(ScriptedSite site, string feedName) => await TestConfigs.WriteAsync($$"""
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["{{EssayUrl}}"],"keywords":["The Long Fuse"],"publishedAt":"2026-01-01T00:00:00Z"}],
         "feeds":[{"name":"{{feedName}}","url":"{{site.BaseUrl}}/feed.xml"}]}
        """);

    /// <summary>
    /// Stories <paramref name="ids"/> in that order, with a short summary each. Dated after the essay, their text is too
    /// short to judge, so every page must be read; dated before it (<paramref name="afterTheEssay"/> false), they are
    /// judged on the feed alone.
    /// </summary>
    public static string Feed(string baseUrl, string title, IEnumerable<int> ids, bool afterTheEssay = true)
    {
        var date = afterTheEssay ? "Tue, 10 Feb 2026 10:00:00 GMT" : "Mon, 10 Feb 2025 10:00:00 GMT";
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>").Append(title).Append("</title>");
        foreach (var i in ids)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>Story {i}</title><link>{baseUrl}/story/{i}</link><guid>story-{i}</guid>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{date}</pubDate><description>A short summary.</description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    /// <summary>Story <paramref name="i"/>'s page: it cites the essay by a link.</summary>
    public static IResult Article(int i) => Results.Content(
        $"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1><p>Story {i} reads <a href=\"{EssayUrl}\">The Long Fuse</a> closely " +
        "and finds its argument about the slow burn of infrastructure projects convincing, with a few reservations about the timeline.</p></article></body></html>",
        "text/html; charset=utf-8");

    /// <summary>The id the app gives the site's feed.</summary>
    public static string SourceId(ScriptedSite site) => "feed-" + Feeds.EntryIdentity.Hash(site.BaseUrl + "/feed.xml")[..16];
}
