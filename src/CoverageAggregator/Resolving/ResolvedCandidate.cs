using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// A candidate once its links were followed and its page read where needed: the URL it is known by (canonical), the
/// other URLs it was met at, the text the judge reads (the page's main text, else the source's), and what the page says.
/// </summary>
public sealed record ResolvedCandidate
{
    public required Candidate Found { get; init; }

    /// <summary>Its identity: rel=canonical, else og:url, else the cleaned URL it landed on.</summary>
    public required string Url { get; init; }
    public IReadOnlyList<string> AlsoAt { get; init; } = [];

    /// <summary>The article page, when it was read (<see cref="PageNeed"/>).</summary>
    public ArticlePage? Page { get; init; }

    /// <summary>What the judge reads: title, text, links and blockquotes of the page and of the source together.</summary>
    public required CandidateText Text { get; init; }

    /// <summary><see cref="Text"/>'s title and text split once, for every essay and every test.</summary>
    public required SplitText Words { get; init; }

    /// <summary>
    /// A copy that says it is one (rel=canonical to another site, a syndication-source meta): its site name is the
    /// syndicator's, not the outlet's (<see cref="Syndication"/>).
    /// </summary>
    public bool Syndicated { get; init; }

    /// <summary>The page was read because the candidate may concern an essay: its links and pointers are worth following.</summary>
    public bool Deep { get; init; }

    /// <summary>
    /// The aggregator whose entry led to it (Techmeme, Hacker News): the candidate is the article it lists, credited
    /// "via" it. Null when the entry is the aggregator's own thread.
    /// </summary>
    public AggregatorEntry? Via { get; init; }

    /// <summary>The forum thread the aggregator's entry names (an hnrss or subreddit item's comments): a discussion of it.</summary>
    public (string Url, string Forum)? Thread => Via?.Thread;
}

/// <summary>What resolving gave: the resolved candidate, nothing (no URL of its own to be known by), or why to try again later.</summary>
public sealed record Resolution(ResolvedCandidate? Candidate, string? TryLater = null)
{
    public static readonly Resolution Nothing = new(Candidate: null);
}
