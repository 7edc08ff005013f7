using System.Text.Json;

namespace CoverageAggregator.Sources.Mastodon;

/// <summary>The parts of Mastodon's Status (search and tag timeline) the collector reads.</summary>
internal static class MastodonWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public sealed record Search(List<Status>? Statuses);

    public sealed record Status(
        string? Id, string? Uri, string? Url, DateTimeOffset? CreatedAt, string? Content, string? SpoilerText, string? Language,
        Account? Account, Card? Card, Status? Reblog);

    public sealed record Account(string? Acct, string? DisplayName, string? Url);

    public sealed record Card(string? Url, string? Title);
}
