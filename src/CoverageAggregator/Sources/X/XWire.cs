using System.Text.Json;

namespace CoverageAggregator.Sources.X;

/// <summary>The parts of the X API v2 recent search response the collector reads.</summary>
internal static class XWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record SearchResult(List<Tweet>? Data, Includes? Includes, Meta? Meta);

    public sealed record Tweet(string? Id, string? Text, string? AuthorId, DateTimeOffset? CreatedAt, Entities? Entities, string? Lang);

    public sealed record Entities(List<UrlEntity>? Urls);

    public sealed record UrlEntity(string? Url, string? ExpandedUrl, string? UnwoundUrl);

    public sealed record Includes(List<User>? Users);

    public sealed record User(string? Id, string? Name, string? Username);

    public sealed record Meta(string? NextToken, int? ResultCount);
}
