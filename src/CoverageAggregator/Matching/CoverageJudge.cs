using CoverageAggregator.Resolving;

namespace CoverageAggregator.Matching;

/// <summary>
/// The judge step: for a resolved candidate and each essay, whether and how it cites the essay (<see cref="CitationMatcher"/>).
/// A candidate that may concern the essay but links it through none of its URLs has its outbound links that may redirect
/// followed (short links, app links); a pointer entry about the essay (a roundup, a cluster) has its articles followed,
/// and each that cites the essay is coverage of its own (<see cref="Roundups"/>). Feeds and social posts share it.
/// </summary>
public sealed class CoverageJudge(PageResolver pages)
{
    /// <summary>Outbound links followed through redirects per article whose page was read, when no direct essay link is found.</summary>
    public const int MaxLinksFollowed = 10;

    public async Task<IReadOnlyList<Verdict>> JudgeAsync(ResolvedCandidate candidate, IReadOnlyList<EssayProfile> essays, CancellationToken cancellationToken)
    {
        var verdicts = new List<Verdict>(essays.Count);
        foreach (var essay in essays)
        {
            verdicts.Add(await JudgeAsync(candidate, essay, cancellationToken).ConfigureAwait(false));
        }

        return verdicts;
    }

    private async Task<Verdict> JudgeAsync(ResolvedCandidate candidate, EssayProfile essay, CancellationToken cancellationToken)
    {
        if (essay.IsEssayUrl(candidate.Url) || essay.IsEssayUrl(candidate.Found.Url))
        {
            return new(essay, null, []) { IsTheEssay = true };
        }

        var followed = candidate.Deep ? MaxLinksFollowed : 0;
        var citation = await CiteAsync(essay, candidate.Text, candidate.Words, followed, cancellationToken).ConfigureAwait(false);
        if (!candidate.Deep || Roundups.LinksToFollow(essay, candidate.Text, citation, candidate.Words) is not { Count: > 0 } pointedTo)
        {
            return new(essay, citation, []);
        }

        // A cluster or linkblog entry: the coverage is the articles it points to.
        var articles = await Roundups.CitingArticlesAsync(pages, essay, pointedTo, cancellationToken).ConfigureAwait(false);
        if (await Roundups.EssayLandedOnAsync(pages, essay, pointedTo, cancellationToken).ConfigureAwait(false) is { } landed)
        {
            citation = CitationMatcher.Match(essay, candidate.Text with { Links = [.. candidate.Text.Links, landed] }, candidate.Words);
        }

        return new(essay, articles.Count > 0 && citation is null or { By: CitesBy.Mention } ? null : citation, articles);
    }

    /// <summary>
    /// How a text cites the essay by itself. When it may concern the essay but links it by none of its URLs, up to
    /// <paramref name="maxLinksFollowed"/> of its links to other sites that may redirect (<see cref="ShortLinks.MayRedirect"/>)
    /// are followed, and a link landing on the essay counts as a link to it.
    /// </summary>
    public async Task<Citation?> CiteAsync(EssayProfile essay, CandidateText text, SplitText words, int maxLinksFollowed, CancellationToken cancellationToken)
    {
        var citation = CitationMatcher.Match(essay, text, words);
        if (citation is { By: CitesBy.Link } || maxLinksFollowed == 0 || !CitationMatcher.MayConcern(essay, words.Words))
        {
            return citation;
        }

        var ownSite = Uri.TryCreate(text.Url, UriKind.Absolute, out var own) ? UrlCanonicalizer.SiteOf(own) : null;
        var external = text.Links.Where(l => Uri.TryCreate(l, UriKind.Absolute, out var u) && UrlCanonicalizer.SiteOf(u) != ownSite);
        return await pages.FindEssayTargetAsync(essay, external, maxLinksFollowed, cancellationToken).ConfigureAwait(false) is { } target
            ? CitationMatcher.Match(essay, text with { Links = [.. text.Links, target] }, words)
            : citation;
    }
}
