using System.Text.Json;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>The parts of Reddit's Listing of t3 links (search.json, api/info.json) the collector reads.</summary>
internal static class RedditWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record Listing(string? Kind, ListingData? Data);

    public sealed record ListingData(List<Thing>? Children, string? After);

    public sealed record Thing(string? Kind, Link? Data);

    public sealed record Link(
        string? Id, string? Name, string? Title, string? Url, string? Permalink, string? Subreddit, string? Author,
        double? CreatedUtc, string? Selftext, bool? IsSelf, List<Link>? CrosspostParentList);
}
