using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>A small export with an article, a post, a discussion and hostile strings, for the renderers' tests.</summary>
internal static class SampleExport
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static CoverageExport Build() => CoverageExport.Build(
        new ExportEssay("essay-1", "The Long Fuse", "Ada Writer", "Fuse Notes", ["https://fuse.example/p/the-long-fuse"], new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)),
        [
            Item("https://news.example/a", "article", "News Example", "A story about the fuse", "Bo Reporter", 3, ["the fuse is long"], "en"),
            Item("https://news.example/x", "article", "News Example", "<script>alert(1)</script> roundup", "=HYPERLINK(\"http://evil\")", 4, [], "en"),
            Item("javascript:alert(1)", "article", "Other Outlet", "bad link", null, 4, [], "fr"),
            Item("https://social.example/p/1", "post", "Bluesky", null, "<img src=x onerror=alert(1)>", 5, ["the fuse is long"], "en", "A post, with \"quotes\"", 42),
            Item("https://forum.example/t/2", "discussion", "Reddit", "Thread on the fuse", "+poster", 6, [], "en", "discussing", 7),
        ],
        Now);

    private static ExportItem Item(string url, string kind, string outlet, string? title, string? author, int day, IReadOnlyList<string> quotes, string language, string? excerpt = null, int? engagement = null) =>
        new(url, [], kind, outlet, title, author, new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.Zero), quotes.Count > 0 ? "quote" : "link", quotes, excerpt, language,
            new DateTimeOffset(2026, 3, day, 11, 0, 0, TimeSpan.Zero), engagement is { } likes ? new CoverageAggregator.Coverage.Engagement(Likes: likes) : null);
}
