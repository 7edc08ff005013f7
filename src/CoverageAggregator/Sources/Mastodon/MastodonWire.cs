using System.Text.Json;

namespace CoverageAggregator.Sources.Mastodon;

/// <summary>
/// The parts of Mastodon's Status (search, tag timeline, context, quotes) the collector reads. Statuses stay JSON elements
/// until each is read on its own (<see cref="Social.WireItems"/>).
/// </summary>
internal static class MastodonWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record Search(List<JsonElement>? Statuses);

    public sealed record Context(List<JsonElement>? Ancestors, List<JsonElement>? Descendants);

    public sealed record Status(
        string? Id, string? Uri, string? Url, DateTimeOffset? CreatedAt, string? Content, string? SpoilerText, string? Language,
        Account? Account, Card? Card, Status? Reblog, string? InReplyToId, Quote? Quote,
        int? RepliesCount, int? ReblogsCount, int? FavouritesCount, int? QuotesCount);

    public sealed record Account(string? Acct, string? DisplayName, string? Url);

    public sealed record Card(string? Url, string? Title);

    /// <summary>Quote (Mastodon 4.5): the quoted status, or only its id (ShallowQuote) where statuses nest.</summary>
    public sealed record Quote(string? State, Status? QuotedStatus, string? QuotedStatusId);
}
