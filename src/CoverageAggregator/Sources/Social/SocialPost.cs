using CoverageAggregator.Candidates;
using CoverageAggregator.Coverage;

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

    /// <summary>Likes, reposts, replies, quotes, points as the platform reports them now.</summary>
    public Engagement? Engagement { get; init; }

    /// <summary>
    /// For a reply, quote-post or comment read from a thread: the URL (any name the parent post is known by) of the post or
    /// discussion it answers or quotes. Such a post is judged by <see cref="ThreadJudge"/> when its thread holds a post that
    /// cites the essay.
    /// </summary>
    public string? Parent { get; init; }

    /// <summary>The post as the flow's candidate: complete as it is, nothing to fetch for it.</summary>
    public Candidate ToCandidate() => new()
    {
        Url = Url,
        Kind = Kind,
        Title = Title,
        Text = Text,
        Links = Links,
        BlockQuotes = BlockQuotes,
        Author = Author,
        PublishedAt = PublishedAt,
        Outlet = Outlet,
        Language = Language,
        AlsoAt = AlsoAt,
        Engagement = Engagement,
        Parent = Parent,
        Complete = true,
    };
}
