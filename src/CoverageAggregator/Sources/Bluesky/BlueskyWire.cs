using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// The parts of app.bsky.feed.searchPosts, getPostThread, getQuotes and com.atproto.server.createSession/refreshSession
/// the collector reads. Posts stay JSON elements until each is read on its own (<see cref="Social.WireItems"/>).
/// </summary>
internal static class BlueskyWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record SearchPosts(List<JsonElement>? Posts, string? Cursor);

    public sealed record Quotes(List<JsonElement>? Posts, string? Cursor);

    public sealed record PostThread(JsonElement? Thread);

    /// <summary>app.bsky.feed.defs#threadViewPost; notFoundPost and blockedPost have no post.</summary>
    public sealed record ThreadNode(JsonElement? Post, List<JsonElement>? Replies);

    public sealed record PostView(
        string? Uri, Author? Author, PostRecord? Record, Embed? Embed, DateTimeOffset? IndexedAt,
        int? LikeCount = null, int? RepostCount = null, int? ReplyCount = null, int? QuoteCount = null);

    public sealed record Author(string? Did, string? Handle, string? DisplayName);

    public sealed record PostRecord(string? Text, DateTimeOffset? CreatedAt, List<Facet>? Facets, Embed? Embed, List<string>? Langs, ReplyRef? Reply = null);

    public sealed record ReplyRef(StrongRef? Root, StrongRef? Parent);

    public sealed record StrongRef(string? Uri);

    public sealed record Facet(List<Feature>? Features);

    public sealed record Feature([property: JsonPropertyName("$type")] string? Type, string? Uri);

    /// <summary>
    /// An embed, in a record or as a view: external (external.uri), record (record: a strong ref, or the viewRecord of the
    /// quoted post), recordWithMedia (record.record and media).
    /// </summary>
    public sealed record Embed(External? External, Embed? Media, EmbeddedRecord? Record);

    /// <summary>A strong ref, an app.bsky.embed.record#viewRecord (value, embeds), or the record#view holding one (record).</summary>
    public sealed record EmbeddedRecord(string? Uri, Author? Author, PostRecord? Value, List<Embed>? Embeds, EmbeddedRecord? Record);

    public sealed record External(string? Uri, string? Title, string? Description);

    public sealed record Session(string? AccessJwt, string? RefreshJwt, string? Did, string? Handle);
}
