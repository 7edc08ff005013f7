using CoverageAggregator.Matching;

namespace CoverageAggregator.Coverage;

public static class CoverageKinds
{
    public const string Article = "article";
    public const string Post = "post";
    public const string Discussion = "discussion";
}

/// <summary>One piece of coverage of one essay: the domain record every step downstream of matching works with.</summary>
public sealed record CoverageItem
{
    public required string EssayId { get; init; }

    /// <summary>The canonical URL: rel=canonical, else og:url, else the cleaned URL it was found at.</summary>
    public required string Url { get; init; }
    public IReadOnlyList<string> AlsoAt { get; init; } = [];
    public string Kind { get; init; } = CoverageKinds.Article;
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public CitesBy CitesBy { get; init; }
    public IReadOnlyList<string> Quotes { get; init; } = [];
    public string? Excerpt { get; init; }
    public string? Language { get; init; }

    /// <summary>Likes, reposts, replies, quotes and points, for posts and discussions whose platform reports them.</summary>
    public Engagement? Engagement { get; init; }

    /// <summary>For a reply, a quote-post or a comment: the URL of the post or discussion it answers (its parent in a thread).</summary>
    public string? Parent { get; init; }

    /// <summary>For a post or discussion about a coverage article (a thread on a news story): that article's URL.</summary>
    public string? About { get; init; }

    /// <summary>The aggregators it came through ("Techmeme", "Hacker News"): discovery kept, never its identity (<see cref="Resolving.Aggregators"/>).</summary>
    public IReadOnlyList<string> Via { get; init; } = [];
    public IReadOnlyList<string> SourceIds { get; init; } = [];
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>MinHash of the main text (Deduplication.TextSignature, serialised): finds syndicated and wire copies.</summary>
    public string? TextSignature { get; init; }

    /// <summary>The storage key: a hash of the URL's identity (<see cref="UrlCanonicalizer.Key"/>).</summary>
    public string Key => KeyFor(Url);

    public static string KeyFor(string url) => Feeds.EntryIdentity.Hash(UrlCanonicalizer.Key(url) ?? url);

    /// <summary>
    /// Merges a second sighting of the same item (the same URL): its credit comes from the sighting that
    /// <see cref="CreditsFirst"/>, so which sighting came first changes nothing.
    /// </summary>
    public CoverageItem MergeWith(CoverageItem other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Merge(other, creditFromThis: CreditsFirst(this, other));
    }

    /// <summary>
    /// Merges a copy of this item found at another URL (see Deduplication.NearDuplicates, which chose this one as the
    /// original): this item's credit first.
    /// </summary>
    public CoverageItem MergeCopy(CoverageItem copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return Merge(copy, creditFromThis: true);
    }

    /// <summary>
    /// URLs are united, the credit (outlet, title, byline, date, excerpt, language) comes from one side, each field
    /// falling back to the other's, the strongest citation wins, and the engagement of the later reading (by
    /// <see cref="UpdatedAt"/>) replaces each count it reports. The URL stays this item's.
    /// </summary>
    private CoverageItem Merge(CoverageItem other, bool creditFromThis)
    {
        var (first, second) = creditFromThis ? (this, other) : (other, this);
        var urls = AlsoAt.Concat(other.AlsoAt).Append(other.Url)
            .Where(u => !string.Equals(UrlCanonicalizer.Key(u), UrlCanonicalizer.Key(Url), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(50)
            .ToList();
        return this with
        {
            AlsoAt = urls,
            Outlet = first.Outlet ?? second.Outlet,
            Title = first.Title ?? second.Title,
            Author = first.Author ?? second.Author,
            PublishedAt = first.PublishedAt ?? second.PublishedAt,
            CitesBy = (CitesBy)Math.Min((int)CitesBy, (int)other.CitesBy),
            Quotes = Quotes.Concat(other.Quotes).Distinct(StringComparer.Ordinal).ToList(),
            Excerpt = first.Excerpt ?? second.Excerpt,
            Language = first.Language ?? second.Language,
            About = About ?? other.About,
            Via = Via.Concat(other.Via).Distinct(StringComparer.Ordinal).ToList(),
            Engagement = other.UpdatedAt >= UpdatedAt
                ? Engagement?.Update(other.Engagement) ?? other.Engagement
                : other.Engagement?.Update(Engagement) ?? Engagement,
            Parent = Parent ?? other.Parent,
            TextSignature = TextSignature ?? other.TextSignature,
            SourceIds = SourceIds.Concat(other.SourceIds).Distinct(StringComparer.Ordinal).ToList(),
            FirstSeenAt = FirstSeenAt <= other.FirstSeenAt ? FirstSeenAt : other.FirstSeenAt,
            UpdatedAt = UpdatedAt >= other.UpdatedAt ? UpdatedAt : other.UpdatedAt,
        };
    }

    /// <summary>
    /// Whether <paramref name="a"/>'s credit goes before <paramref name="b"/>'s: the one published first (an original
    /// precedes its republications: a syndicated copy that names it as canonical is stored under its URL, but the outlet
    /// and date are the original's); for sightings alike in date, one that names its outlet before one that only knows
    /// the host (a page met by following a link), then a fixed order of their fields, so the merge does not depend on
    /// which was stored first.
    /// </summary>
    public static bool CreditsFirst(CoverageItem a, CoverageItem b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.PublishedAt != b.PublishedAt)
        {
            return b.PublishedAt is not { } later || (a.PublishedAt is { } earlier && earlier < later);
        }

        if (IsHostName(a.Outlet) != IsHostName(b.Outlet))
        {
            return IsHostName(b.Outlet);
        }

        foreach (var (x, y) in new[] { (a.Outlet, b.Outlet), (a.Author, b.Author), (a.Title, b.Title), (a.Excerpt, b.Excerpt), (a.Language, b.Language) })
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                // A known value before an unknown one, then ordinal order.
                return y is null || (x is not null && string.CompareOrdinal(x, y) < 0);
            }
        }

        return true;
    }

    /// <summary>An outlet that is only a host name ("127.0.0.1", "news.example.com"), not what the outlet calls itself.</summary>
    private static bool IsHostName(string? outlet) =>
        outlet is not null && outlet.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(outlet) != UriHostNameType.Unknown;
}
