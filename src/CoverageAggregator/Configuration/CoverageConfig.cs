using System.Text.Json.Serialization;

namespace CoverageAggregator.Configuration;

/// <summary>What to track and where to look: the shape of corpus.json (../shared/eval/FORMAT.md).</summary>
public sealed record CoverageConfig
{
    public IReadOnlyList<EssayConfig> Essays { get; init; } = [];
    public IReadOnlyList<FeedConfig> Feeds { get; init; } = [];
    public IReadOnlyList<SocialConfig> Social { get; init; } = [];

    public EssayConfig? FindEssay(string id) =>
        Essays.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed record EssayConfig
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Author { get; init; }
    public string? Publication { get; init; }
    public IReadOnlyList<string> Urls { get; init; } = [];
    public string? FetchUrl { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public DateTimeOffset? PublishedAt { get; init; }
}

public sealed record FeedConfig
{
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";

    /// <summary>Optional stable id; derived from the URL when absent.</summary>
    public string? Id { get; init; }
}

public sealed record SocialConfig
{
    public string Type { get; init; } = "";
    public string? BaseUrl { get; init; }
    public string? BearerToken { get; init; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; init; }
}
