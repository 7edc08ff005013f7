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
    /// Merges a second sighting of the same item: URLs are united, the first non-empty field wins, the strongest citation
    /// wins, and the engagement of the later reading (by <see cref="UpdatedAt"/>) replaces each count it reports.
    /// </summary>
    public CoverageItem MergeWith(CoverageItem other)
    {
        var urls = AlsoAt.Concat(other.AlsoAt).Append(other.Url)
            .Where(u => !string.Equals(UrlCanonicalizer.Key(u), UrlCanonicalizer.Key(Url), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(50)
            .ToList();
        return this with
        {
            AlsoAt = urls,
            Outlet = Outlet ?? other.Outlet,
            Title = Title ?? other.Title,
            Author = Author ?? other.Author,
            PublishedAt = PublishedAt ?? other.PublishedAt,
            CitesBy = (CitesBy)Math.Min((int)CitesBy, (int)other.CitesBy),
            Quotes = Quotes.Concat(other.Quotes).Distinct(StringComparer.Ordinal).ToList(),
            Excerpt = Excerpt ?? other.Excerpt,
            Language = Language ?? other.Language,
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
}
