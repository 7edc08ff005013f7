using CoverageAggregator.Resolving;

namespace CoverageAggregator.Matching;

/// <summary>
/// What the judge decided for one candidate and one essay: how the candidate cites it (null: it does not), the articles
/// it points to that cite it (a roundup's or cluster's entry), or that the candidate is the essay itself.
/// </summary>
public sealed record Verdict(EssayProfile Essay, Citation? Citation, IReadOnlyList<(ResolvedCandidate Article, Citation Citation)> Pointed)
{
    /// <summary>The candidate is the essay, or a mirror whose rel=canonical points to it: never coverage of it.</summary>
    public bool IsTheEssay { get; init; }
}
