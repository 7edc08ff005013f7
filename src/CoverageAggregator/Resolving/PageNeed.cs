using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// Whether a candidate's article page must be read: only when the candidate cannot be judged from what its source
/// carries, that is when that text is a summary or may concern an essay, and the candidate is not older than the essay
/// (however long after it: a link or a quote counts at any age, only mentions have a date window).
/// </summary>
public static class PageNeed
{
    /// <summary>Feed text shorter than this is taken as a summary: only the page can tell whether it cites.</summary>
    public const int SummaryLength = 1500;

    /// <param name="words">The candidate's title and text split (<see cref="SplitText.Of"/>), once for all essays.</param>
    public static bool WantsPage(Candidate candidate, SplitText words, IReadOnlyList<EssayProfile> essays)
    {
        if (candidate.Complete || candidate.Url is null || essays.Any(essay => essay.IsEssayUrl(candidate.Url)))
        {
            return false; // nothing to read, or the essay's own page (an aggregator's entry for the essay says all there is to say)
        }

        return essays.Any(essay => CitationMatcher.IsAfterEssay(essay, candidate.PublishedAt)
            && (candidate.Text.Length < SummaryLength || candidate.Links.Any(essay.IsEssayUrl)
                || CitationMatcher.MayConcern(essay, words.Words)));
    }
}
