using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Deduplication;

/// <summary>
/// Decides whether two coverage items are the same story (a syndicated copy, an AMP copy, a wire story republished
/// verbatim) and which one is canonical. Thresholds, on 5-word shingles of the main text:
/// <list type="bullet">
/// <item>estimated Jaccard ≥ 0.5: the texts are mostly the same (copies with different captions, bylines or footers score
/// 0.7–1.0; two different articles that quote the same passage share only the quote's shingles, well under 0.2);</item>
/// <item>or a truncated copy: at least 90% of the shorter text is in the longer one, and the shorter is at least half
/// as long (a short article quoted whole inside a long one is not a copy of it).</item>
/// </list>
/// Texts under <see cref="TextSignature.MinShingles"/> shingles are never judged: too little text to tell.
/// <para>
/// The same text is not enough to be the same coverage: a comms team counts outlets, and two outlets that run short
/// pieces with a stock lead and the same quotes, or one organisation's two statements that share boilerplate, are
/// different coverage. So two items are one only when, besides the text, their bylines agree (<see cref="Bylines"/>),
/// or, where a byline is missing, they are on the same site (an AMP, mobile or print copy) under the same headline
/// (<see cref="Titles"/>); different bylines never merge, and neither do byline-less pages of different outlets.
/// A copy that names its original (rel=canonical) is caught earlier, by URL, whatever its byline.
/// </para>
/// </summary>
public static class NearDuplicates
{
    public const double JaccardThreshold = 0.5;
    public const double ContainmentThreshold = 0.9;
    public const double LengthRatioForContainment = 0.5;

    public static bool AreSameStory(TextSignature a, TextSignature b)
    {
        var jaccard = a.Jaccard(b);
        if (jaccard >= JaccardThreshold)
        {
            return true;
        }

        var ratio = Math.Min(a.Shingles, b.Shingles) / (double)Math.Max(a.Shingles, b.Shingles);
        return ratio >= LengthRatioForContainment && a.Containment(jaccard, b) >= ContainmentThreshold;
    }

    public static bool AreSameStory(CoverageItem a, CoverageItem b) =>
        a.EssayId == b.EssayId && a.Kind == b.Kind
        && TextSignature.Parse(a.TextSignature) is { } x && TextSignature.Parse(b.TextSignature) is { } y
        && AreSameStory(x, y) && SameCredit(Credit.Of(a), Credit.Of(b));

    /// <summary>
    /// The credit half of the rule: the bylines agree; or, with a byline missing on either side, the same site (known,
    /// not an address literal) and the same headline. Different bylines are different coverage whatever else agrees.
    /// </summary>
    public static bool SameCredit(Credit a, Credit b) =>
        Bylines.Agree(a.Author, b.Author)
        ?? (UrlCanonicalizer.SiteKey(a.Url) is { } site && site == UrlCanonicalizer.SiteKey(b.Url) && Titles.Agree(a.Title, b.Title) == true);

    /// <summary>
    /// The copy that stays canonical: the original (a copy whose other URLs name the other item is its syndication),
    /// else the earliest published, else the one whose URL sorts first: never the order of arrival, so the result is
    /// the same whatever order and concurrency the fetches ran in.
    /// </summary>
    public static CoverageItem Canonical(CoverageItem stored, CoverageItem incoming)
    {
        var storedKey = stored.Key;
        var incomingKey = incoming.Key;
        if (incoming.AlsoAt.Any(u => CoverageItem.KeyFor(u) == storedKey))
        {
            return stored;
        }

        if (stored.AlsoAt.Any(u => CoverageItem.KeyFor(u) == incomingKey))
        {
            return incoming;
        }

        if (stored.PublishedAt is { } s && incoming.PublishedAt is { } i && s != i)
        {
            return i < s ? incoming : stored;
        }

        return string.CompareOrdinal(incoming.Url, stored.Url) < 0 ? incoming : stored;
    }

    /// <summary>One item from two copies: the canonical one's fields first, the other's URL in "also at".</summary>
    public static CoverageItem Merge(CoverageItem stored, CoverageItem incoming)
    {
        var canonical = Canonical(stored, incoming);
        var other = ReferenceEquals(canonical, stored) ? incoming : stored;
        return canonical.MergeCopy(other);
    }
}
