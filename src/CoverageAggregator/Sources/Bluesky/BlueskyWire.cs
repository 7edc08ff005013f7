using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>The parts of app.bsky.feed.searchPosts and com.atproto.server.createSession the collector reads.</summary>
internal static class BlueskyWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record SearchPosts(List<PostView>? Posts, string? Cursor);

    public sealed record PostView(string? Uri, Author? Author, PostRecord? Record, Embed? Embed, DateTimeOffset? IndexedAt);

    public sealed record Author(string? Did, string? Handle, string? DisplayName);

    public sealed record PostRecord(string? Text, DateTimeOffset? CreatedAt, List<Facet>? Facets, Embed? Embed, List<string>? Langs);

    public sealed record Facet(List<Feature>? Features);

    public sealed record Feature([property: JsonPropertyName("$type")] string? Type, string? Uri);

    /// <summary>app.bsky.embed.external (and its #view), or recordWithMedia holding one as media.</summary>
    public sealed record Embed(External? External, Embed? Media);

    public sealed record External(string? Uri, string? Title, string? Description);

    public sealed record Session(string? AccessJwt, string? Did, string? Handle);
}
