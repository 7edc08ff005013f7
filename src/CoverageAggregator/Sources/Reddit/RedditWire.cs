using System.Text.Json;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// The parts of Reddit's Listings (search, api/info: t3 links; comments/{id}: the link, then its t1 comments) and of the
/// client-credentials token answer the collector reads. Things stay JSON elements until each is read on its own.
/// </summary>
internal static class RedditWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record Listing(string? Kind, ListingData? Data);

    public sealed record ListingData(List<JsonElement>? Children, string? After);

    public sealed record Thing(string? Kind, JsonElement? Data);

    public sealed record Link(
        string? Id, string? Name, string? Title, string? Url, string? Permalink, string? Subreddit, string? Author,
        double? CreatedUtc, string? Selftext, bool? IsSelf, List<Link>? CrosspostParentList, int? Score, int? NumComments);

    /// <summary>A t1 comment; replies is a Listing, or "" when there are none.</summary>
    public sealed record Comment(
        string? Id, string? Name, string? Body, string? Author, double? CreatedUtc, string? Permalink, string? ParentId, string? LinkId,
        int? Score, JsonElement? Replies);

    public sealed record Token(string? AccessToken, string? TokenType, int? ExpiresIn, string? Scope);
}
