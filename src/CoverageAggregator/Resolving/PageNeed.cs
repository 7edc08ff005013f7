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

    /// <summary>
    /// True when the candidate itself (its title, URL, text, quotes or links, a link that may redirect among them) may
    /// cite an essay (<see cref="PageScan"/>, a cheap superset of what the matcher could find): it is then judged in full,
    /// and its page read whatever it holds. When not, it is no coverage unless its page, wanted for a summary, is: the
    /// page is then scanned before it is parsed (<see cref="PageRead.IfScanFinds"/>).
    /// </summary>
    public static bool MayCite(Candidate candidate, IReadOnlyList<EssayProfile> essays)
    {
        var scan = PageScan.For(essays);
        return scan.MayCiteText(candidate.Title) || scan.MayCiteText(candidate.Text) || candidate.BlockQuotes.Any(scan.MayCiteText)
            || candidate.Links.Append(candidate.Url).Any(l => scan.MayCiteText(l) || ShortLinks.MayRedirect(l));
    }

    /// <param name="words">The candidate's title and text split (<see cref="SplitText.Of"/>), once for all essays.</param>
    /// <param name="mayCite">Whether the candidate itself may cite (<see cref="MayCite"/>): when not, only a summary wants its page.</param>
    public static bool WantsPage(Candidate candidate, SplitText words, IReadOnlyList<EssayProfile> essays, bool mayCite)
    {
        if (candidate.Complete || candidate.Url is null || essays.Any(essay => essay.IsEssayUrl(candidate.Url)))
        {
            return false; // nothing to read, or the essay's own page (an aggregator's entry for the essay says all there is to say)
        }

        return essays.Any(essay => CitationMatcher.IsAfterEssay(essay, candidate.PublishedAt)
            && (candidate.Text.Length < SummaryLength
                || (mayCite && (candidate.Links.Any(essay.IsEssayUrl) || CitationMatcher.MayConcern(essay, words.Words)))));
    }
}

/// <summary>How much of a candidate's article page is read (<see cref="PageNeed"/>).</summary>
public enum PageRead
{
    /// <summary>None: the candidate is judged on what its source carries.</summary>
    None,

    /// <summary>Parsed only when a scan of its raw HTML finds something it could cite by (read for a summary alone).</summary>
    IfScanFinds,

    /// <summary>Parsed whole: the candidate may cite by itself, its page says how.</summary>
    Whole,
}
