using CoverageAggregator.Collection;
using CoverageAggregator.Deduplication;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Coverage;

/// <summary>
/// The items a judged candidate gives: the article or post that cites an essay; the forum thread an aggregator's entry
/// names (a discussion of the essay, or of the citing article); the articles a pointer entry leads to. The fields each
/// item keeps, and where each comes from, are decided here only.
/// </summary>
public static class CoverageItems
{
    public static IReadOnlyList<CoverageItem> Of(SourceContext context, ResolvedCandidate candidate, IReadOnlyList<Verdict> verdicts)
    {
        var items = new List<CoverageItem>();
        foreach (var verdict in verdicts)
        {
            if (verdict.IsTheEssay)
            {
                // An aggregator's entry for the essay itself (hnrss, a subreddit's feed) names the thread where it is discussed.
                if (candidate.Thread is { } essayThread)
                {
                    items.Add(Thread(context, verdict.Essay, candidate, essayThread, CitesBy.Link, about: null));
                }

                continue;
            }

            items.AddRange(verdict.Pointed.Select(p => Cited(context, verdict.Essay, p.Article, p.Citation)));
            if (verdict.Citation is not { } citation)
            {
                continue;
            }

            items.Add(Cited(context, verdict.Essay, candidate, citation));
            if (candidate.Thread is { } articleThread)
            {
                // An aggregator's entry for a citing article: the article is the coverage, its thread a discussion of it.
                items.Add(Thread(context, verdict.Essay, candidate, articleThread, citation.By, about: candidate.Url));
            }
        }

        return items;
    }

    /// <summary>The candidate as coverage of the essay: a post as its platform gave it, an article as its page (or its feed) says.</summary>
    public static CoverageItem Cited(SourceContext context, EssayProfile essay, ResolvedCandidate candidate, Citation citation) =>
        candidate.Found.Complete ? Post(context, essay, candidate, citation) : Article(context, essay, candidate, citation);

    private static CoverageItem Article(SourceContext context, EssayProfile essay, ResolvedCandidate candidate, Citation citation)
    {
        var (found, page, text) = (candidate.Found, candidate.Page, candidate.Text.Text);

        // An aggregator's entry is a submission: its title and author are the submitter's, the page's are the article's.
        var submitted = candidate.Via is not null;
        return new CoverageItem
        {
            EssayId = essay.Essay.Id,
            Url = candidate.Url,
            AlsoAt = candidate.AlsoAt,
            Kind = CoverageKinds.Article,
            Outlet = candidate.Syndicated ? null : page?.SiteName ?? found.Outlet,
            Title = submitted ? page?.Title ?? candidate.Text.Title : candidate.Text.Title,
            Author = submitted ? page?.Author : found.Author ?? page?.Author,
            // A date that is missing or unparseable (and no page date): the time the item was first seen.
            PublishedAt = (submitted ? page?.PublishedAt ?? found.PublishedAt : found.PublishedAt ?? page?.PublishedAt) ?? context.Now,
            Via = candidate.Via is { } via ? [via.Via] : [],
            CitesBy = citation.By,
            Quotes = citation.Quotes,
            Excerpt = Excerpt(CitingPassage.Of(essay, text)),
            Language = TextLanguage.Of(page?.Language, text),
            TextSignature = TextSignature.Of(text)?.Serialize(),
            SourceIds = [context.Source.Id],
            FirstSeenAt = context.Now,
            UpdatedAt = context.Now,
        };
    }

    private static CoverageItem Post(SourceContext context, EssayProfile essay, ResolvedCandidate candidate, Citation citation) => new()
    {
        EssayId = essay.Essay.Id,
        Url = candidate.Url,
        AlsoAt = candidate.AlsoAt,
        Kind = candidate.Found.Kind,
        Outlet = candidate.Found.Outlet,
        Title = candidate.Found.Title,
        Author = candidate.Found.Author,
        PublishedAt = candidate.Found.PublishedAt,
        CitesBy = citation.By,
        Quotes = citation.Quotes,
        Excerpt = Excerpt(candidate.Found.Text),
        Language = candidate.Found.Language,
        Engagement = candidate.Found.Engagement,
        Parent = candidate.Found.Parent,
        SourceIds = [context.Source.Id],
        FirstSeenAt = context.Now,
        UpdatedAt = context.Now,
    };

    /// <summary>The forum thread an aggregator's entry names, as a discussion of the essay or (with <paramref name="about"/>) of a citing article.</summary>
    private static CoverageItem Thread(
        SourceContext context, EssayProfile essay, ResolvedCandidate candidate, (string Url, string Forum) thread, CitesBy citesBy, string? about) => new()
    {
        EssayId = essay.Essay.Id,
        Url = thread.Url,
        Kind = CoverageKinds.Discussion,
        Outlet = thread.Forum,
        Title = candidate.Found.Title,
        Author = candidate.Found.Author,
        PublishedAt = candidate.Found.PublishedAt ?? context.Now,
        CitesBy = citesBy,
        Engagement = DiscussionThreads.StatedCounts(candidate.Found.Text),
        About = about,
        SourceIds = [context.Source.Id],
        FirstSeenAt = context.Now,
        UpdatedAt = context.Now,
    };

    /// <summary>The first 280 characters of a text, whitespace flattened, cut at a word; null for an empty text.</summary>
    public static string? Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length == 0)
        {
            return null;
        }

        return flat.Length <= 280 ? flat : flat[..flat.LastIndexOf(' ', 279)] + "…";
    }
}
