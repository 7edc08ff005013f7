namespace CoverageAggregator.Matching;

/// <summary>
/// Does a text cite the essay, and how? In order of strength: a link to any essay URL (the mirror included), at any
/// date; a verified quote (quoted, or essay sentences reproduced word for word), at any date after the essay; a mention,
/// in the <see cref="MentionWindow"/> after the essay: the issue by its number next to the publication's name, a name of
/// the essay (title, a title its page gives itself, keyword) together with its author or publication, or the author and
/// the publication together with the essay's claims (at least <see cref="MinimumSharedRareWords"/> of its rare words:
/// "his long essay in Import AI" that goes on about successors trained autonomously by 2028). Another issue
/// of the same newsletter is not a mention: names match as whole phrases, numbers as whole numbers, and a keyword alone
/// does not count for a text that names another issue.
/// </summary>
public static class CitationMatcher
{
    /// <summary>How long after the essay a mention still counts.</summary>
    public static readonly TimeSpan MentionWindow = TimeSpan.FromDays(120);

    /// <summary>The essay's rare words (<see cref="CommonWords.IsRareWord"/>) a text that names its author and publication must share to be about it.</summary>
    public const int MinimumSharedRareWords = 6;

    /// <param name="titleAndText">The candidate's title and text split (<see cref="SplitText.Of"/>), when the caller keeps them for other tests or essays.</param>
    public static Citation? Match(EssayProfile essay, CandidateText candidate, SplitText? titleAndText = null)
    {
        var words = (titleAndText ?? SplitText.Of(candidate)).Words;
        var quotes = Quotes(essay, candidate, words);
        if (candidate.Links.Any(essay.IsEssayUrl))
        {
            return new Citation(CitesBy.Link, quotes);
        }

        if (!IsAfterEssay(essay, candidate.PublishedAt))
        {
            return null;
        }

        if (quotes.Count > 0)
        {
            return new Citation(CitesBy.Quote, quotes);
        }

        return IsInWindow(essay, candidate.PublishedAt) && Mentions(essay, words) ? new Citation(CitesBy.Mention, []) : null;
    }

    /// <summary>The essay sentences a candidate quotes: its quoted spans that match, then the sentences it reproduces without marks.</summary>
    public static IReadOnlyList<string> Quotes(EssayProfile essay, CandidateText candidate, IReadOnlyList<string> titleAndTextWords)
    {
        var quoted = QuoteMatcher.Match(essay, QuoteExtractor.Extract(candidate.Text, candidate.BlockQuotes));
        var reproduced = VerbatimSpans.Reproduced(essay, titleAndTextWords);
        return reproduced.Count == 0 ? quoted : quoted.Concat(reproduced.Where(r => !quoted.Any(q => q.Contains(r, StringComparison.Ordinal)))).ToList();
    }

    public static bool Mentions(EssayProfile essay, string text) => Mentions(essay, Words.Split(text));

    /// <summary>True when the words name the issue by its number, or name the essay together with its author or publication.</summary>
    public static bool Mentions(EssayProfile essay, IReadOnlyList<string> words)
    {
        var numbers = essay.Issue is { } issue ? IssueNumbers.After(words, issue.Name).ToList() : [];
        if (essay.Issue is { } named && numbers.Contains(named.Number))
        {
            return true;
        }

        if (!essay.AttributionPhrases.Any(p => Words.ContainsPhrase(words, p)))
        {
            return false;
        }

        return essay.TitlePhrases.Except(essay.KeywordPhrases).Any(p => Words.ContainsPhrase(words, p))
            || (numbers.Count == 0 && (essay.KeywordPhrases.Any(p => Words.ContainsPhrase(words, p)) || SharesClaims(essay, words)));
    }

    /// <summary>True when the words name the author and the publication both, and share enough of the essay's rare words.</summary>
    private static bool SharesClaims(EssayProfile essay, IReadOnlyList<string> words) =>
        essay.AuthorPhrase.Count > 0 && essay.PublicationPhrase.Count > 0
        && Words.ContainsPhrase(words, essay.AuthorPhrase) && Words.ContainsPhrase(words, essay.PublicationPhrase)
        && words.Where(essay.RareWords.Contains).Distinct(StringComparer.Ordinal).Take(MinimumSharedRareWords).Count() == MinimumSharedRareWords;

    /// <summary>True when a text names the essay or its author at all: the cheap test that decides whether a page is worth fetching.</summary>
    public static bool MayConcern(EssayProfile essay, string text) => MayConcern(essay, Words.Split(text));

    /// <summary><see cref="MayConcern(EssayProfile, string)"/> of a text already split into words.</summary>
    public static bool MayConcern(EssayProfile essay, IReadOnlyList<string> words) =>
        essay.TitlePhrases.Concat(essay.AttributionPhrases).Any(p => Words.ContainsPhrase(words, p));

    /// <summary>True when a mention dated <paramref name="publishedAt"/> counts: from a day before the essay to <see cref="MentionWindow"/> after it.</summary>
    public static bool IsInWindow(EssayProfile essay, DateTimeOffset? publishedAt) =>
        IsAfterEssay(essay, publishedAt)
        && (essay.Essay.PublishedAt is not { } essayDate || publishedAt is not { } date || date <= essayDate + MentionWindow);

    /// <summary>True unless the text is dated more than a day before the essay (it cannot cite what was not written yet).</summary>
    public static bool IsAfterEssay(EssayProfile essay, DateTimeOffset? publishedAt) =>
        essay.Essay.PublishedAt is not { } essayDate || publishedAt is not { } date || date >= essayDate - TimeSpan.FromDays(1);
}

/// <summary>The text of a candidate as the matcher sees it.</summary>
public sealed record CandidateText(string? Title, string Text, IReadOnlyList<string> Links, IReadOnlyList<string> BlockQuotes, DateTimeOffset? PublishedAt, string? Url = null);
