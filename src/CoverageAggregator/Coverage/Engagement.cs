namespace CoverageAggregator.Coverage;

/// <summary>
/// What a platform reports of the attention a post or discussion got, each count null where the platform has none:
/// likes (favourites, upvotes), reposts (boosts, retweets), replies (comments), quotes (quote-posts), points (Hacker News, Reddit score).
/// </summary>
public sealed record Engagement(int? Likes = null, int? Reposts = null, int? Replies = null, int? Quotes = null, int? Points = null)
{
    /// <summary>Every count added up: the one number shown where there is room for one.</summary>
    public int Total => (Likes ?? 0) + (Reposts ?? 0) + (Replies ?? 0) + (Quotes ?? 0) + (Points ?? 0);

    /// <summary>A newer reading of the same item: each count the newer one reports replaces the older.</summary>
    public Engagement Update(Engagement? newer) => newer is null
        ? this
        : new(newer.Likes ?? Likes, newer.Reposts ?? Reposts, newer.Replies ?? Replies, newer.Quotes ?? Quotes, newer.Points ?? Points);
}
