namespace CoverageAggregator.Matching;

/// <summary>
/// Does a text cite the essay, and how? In order of strength: a link to any essay URL (the mirror included);
/// a verified quote; a mention, meaning a name of the essay together with its author or publication, published
/// no earlier than the essay. Another issue of the same newsletter is not a mention: names match as whole phrases.
/// </summary>
public static class CitationMatcher
{
    /// <summary>How long after the essay a mention still counts.</summary>
    public static readonly TimeSpan MentionWindow = TimeSpan.FromDays(120);

    /// <param name="titleAndText">The candidate's title and text split (<see cref="SplitText.Of"/>), when the caller keeps them for other tests or essays.</param>
    public static Citation? Match(EssayProfile essay, CandidateText candidate, SplitText? titleAndText = null)
    {
        var quotes = QuoteMatcher.Match(essay, QuoteExtractor.Extract(candidate.Text, candidate.BlockQuotes));
        if (candidate.Links.Any(essay.IsEssayUrl))
        {
            return new Citation(CitesBy.Link, quotes);
        }

        if (!IsInWindow(essay, candidate.PublishedAt))
        {
            return null;
        }

        if (quotes.Count > 0)
        {
            return new Citation(CitesBy.Quote, quotes);
        }

        return Mentions(essay, (titleAndText ?? SplitText.Of(candidate)).Words) ? new Citation(CitesBy.Mention, []) : null;
    }

    public static bool Mentions(EssayProfile essay, string text) => Mentions(essay, Words.Split(text));

    /// <summary>True when the words name the essay together with its author or publication.</summary>
    public static bool Mentions(EssayProfile essay, IReadOnlyList<string> words) =>
        essay.TitlePhrases.Any(p => Words.ContainsPhrase(words, p))
        && essay.AttributionPhrases.Any(p => Words.ContainsPhrase(words, p));

    /// <summary>True when a text names the essay or its author at all: the cheap test that decides whether a page is worth fetching.</summary>
    public static bool MayConcern(EssayProfile essay, string text) => MayConcern(essay, Words.Split(text));

    /// <summary><see cref="MayConcern(EssayProfile, string)"/> of a text already split into words.</summary>
    public static bool MayConcern(EssayProfile essay, IReadOnlyList<string> words) =>
        essay.TitlePhrases.Concat(essay.AttributionPhrases).Any(p => Words.ContainsPhrase(words, p));

    public static bool IsInWindow(EssayProfile essay, DateTimeOffset? publishedAt) =>
        essay.Essay.PublishedAt is not { } essayDate || publishedAt is not { } date
        || (date >= essayDate - TimeSpan.FromDays(1) && date <= essayDate + MentionWindow);
}

/// <summary>The text of a candidate as the matcher sees it.</summary>
public sealed record CandidateText(string? Title, string Text, IReadOnlyList<string> Links, IReadOnlyList<string> BlockQuotes, DateTimeOffset? PublishedAt, string? Url = null);
