using CoverageAggregator.Coverage;
using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>
/// An export with threads: an article with a Bluesky post about it, a Hacker News story with a comment, an X post with a
/// reply and a quote (the quote naming its parent by another of its URLs), and a reply whose parent is not coverage.
/// </summary>
internal static class ThreadedSample
{
    public const string Article = "https://news.example/a";
    public const string Story = "https://news.ycombinator.com/item?id=41";
    public const string Comment = "https://news.ycombinator.com/item?id=42";
    public const string XPost = "https://x.com/rosa_v/status/100";
    public const string XReply = "https://x.com/pilot_jo/status/101";
    public const string XQuote = "https://x.com/dock_ops/status/102";
    public const string Orphan = "https://x.com/someone/status/103";
    public const string About = "https://bsky.app/profile/a.example/post/1";

    public static CoverageExport Build() => CoverageExport.Build(
        new ExportEssay("essay-1", "The Long Fuse", "Ada Writer", "Fuse Notes", ["https://fuse.example/p/the-long-fuse"], null),
        [
            Item(Article, CoverageKinds.Article, "News Example", null, null) with { Title = "A story about the fuse" },
            Item(About, CoverageKinds.Post, "Bluesky", new Engagement(Likes: 9, Reposts: 1), null) with { About = Article + "?utm_source=x" },
            Item(Story, CoverageKinds.Discussion, "Hacker News", new Engagement(Replies: 238, Points: 412), null) with { Title = "The Long Fuse" },
            Item(Comment, CoverageKinds.Post, "Hacker News", null, Story),
            Item(XPost, CoverageKinds.Post, "X", new Engagement(Likes: 12, Reposts: 3, Replies: 4, Quotes: 0), null) with { AlsoAt = ["https://x.com/i/web/status/100"] },
            Item(XReply, CoverageKinds.Post, "X", new Engagement(Likes: 2, Reposts: 0, Replies: 0, Quotes: 0), XPost),
            Item(XQuote, CoverageKinds.Post, "X", new Engagement(Likes: 5, Reposts: 1, Replies: 0, Quotes: 0), "https://x.com/i/web/status/100"),
            Item(Orphan, CoverageKinds.Post, "X", new Engagement(Likes: 1), "https://x.com/nobody/status/99"),
        ],
        new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    private static ExportItem Item(string url, string kind, string outlet, Engagement? engagement, string? parent) =>
        new(url, [], kind, outlet, null, "author of " + url[(url.LastIndexOf('/') + 1)..], new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero), "link", [],
            "excerpt of " + url, "en", new DateTimeOffset(2026, 3, 5, 11, 0, 0, TimeSpan.Zero), engagement, null, parent);
}
