using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoverageAggregator.Sources.HackerNews;

/// <summary>
/// The parts of the Algolia Hacker News search response the collector reads (hn.algolia.com/api): a story's points and
/// num_comments; a comment's story_id (the story whose thread holds it) and parent_id. Algolia gives comments no points.
/// </summary>
internal static class HackerNewsWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record SearchResult(List<Hit>? Hits, int? Page, [property: JsonPropertyName("nbPages")] int? NbPages);

    public sealed record Hit(
        [property: JsonPropertyName("objectID")] string? ObjectId,
        string? Title, string? Url, string? Author, DateTimeOffset? CreatedAt, long? CreatedAtI,
        string? StoryText, string? CommentText, [property: JsonPropertyName("_tags")] List<string>? Tags,
        int? Points = null, int? NumComments = null, long? StoryId = null, long? ParentId = null);
}
