namespace CoverageAggregator.Sources.Social;

/// <summary>
/// A post or thread as a platform adapter normalises it, before matching: its canonical URL, the other URLs it is known
/// by, who wrote it, its plain text and every link it carries (facets, cards, embeds, expanded short links).
/// </summary>
internal sealed record SocialPost
{
    public required string Url { get; init; }
    public IReadOnlyList<string> AlsoAt { get; init; } = [];
    public required string Kind { get; init; }
    public required string Outlet { get; init; }
    public string? Author { get; init; }
    public string? Title { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<string> BlockQuotes { get; init; } = [];
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Language { get; init; }
}
