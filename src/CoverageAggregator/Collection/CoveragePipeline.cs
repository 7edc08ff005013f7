using CoverageAggregator.Candidates;
using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Collection;

/// <summary>
/// One candidate through the flow every source shares: resolve (<see cref="CandidateResolver"/>), judge
/// (<see cref="CoverageJudge"/>), items (<see cref="CoverageItems"/>). Deduplication and storage follow when the run is
/// recorded (<see cref="SourceRunner"/>, <c>Storage.CoverageStore</c>).
/// </summary>
public sealed class CoveragePipeline(CandidateResolver resolver, CoverageJudge judge)
{
    /// <param name="words">The candidate's title and text split once (<see cref="PageNeed"/> read them already).</param>
    /// <param name="read">How much of its article page to read (<see cref="PageNeed"/>).</param>
    public async Task<Outcome> RunAsync(SourceContext context, Candidate candidate, SplitText words, PageRead read, CancellationToken cancellationToken)
    {
        var scan = read == PageRead.IfScanFinds ? PageScan.For(context.Essays) : null;
        var resolution = await resolver.ResolveAsync(candidate, words, read != PageRead.None, scan, cancellationToken).ConfigureAwait(false);
        if (resolution.Candidate is not { } resolved)
        {
            return new([], resolution.TryLater);
        }

        var verdicts = await judge.JudgeAsync(resolved, context.Essays, cancellationToken).ConfigureAwait(false);
        return new(CoverageItems.Of(context, resolved, verdicts));
    }

    /// <summary>What one candidate gave: its items, or why it could not be judged yet (a reason to try again later).</summary>
    public sealed record Outcome(IReadOnlyList<CoverageItem> Items, string? TryLater = null);
}
