using System.Text.Json;

namespace CoverageAggregator.Sources.X;

/// <summary>
/// The parts of the X API v2 recent search response the collector reads (docs.x.com/x-api/posts/recent-search and the
/// data dictionary): posts with their long-form body (note_tweet), the posts they reply to or quote (referenced_tweets,
/// expanded into includes.tweets), their conversation and their public_metrics.
/// </summary>
internal static class XWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record SearchResult(List<Tweet>? Data, Includes? Includes, Meta? Meta);

    public sealed record Tweet(
        string? Id, string? Text, string? AuthorId, DateTimeOffset? CreatedAt, Entities? Entities, string? Lang,
        NoteTweet? NoteTweet, List<Reference>? ReferencedTweets, string? ConversationId, PublicMetrics? PublicMetrics);

    /// <summary>A post longer than 280 characters: text carries its first 280, note_tweet all of it and its own entities.</summary>
    public sealed record NoteTweet(string? Text, Entities? Entities);

    /// <summary>type: replied_to, quoted or retweeted.</summary>
    public sealed record Reference(string? Type, string? Id);

    public sealed record PublicMetrics(int? RetweetCount, int? ReplyCount, int? LikeCount, int? QuoteCount);

    public sealed record Entities(List<UrlEntity>? Urls);

    public sealed record UrlEntity(string? Url, string? ExpandedUrl, string? UnwoundUrl);

    public sealed record Includes(List<User>? Users, List<Tweet>? Tweets);

    public sealed record User(string? Id, string? Name, string? Username);

    public sealed record Meta(string? NextToken, int? ResultCount, string? NewestId);
}
