using CoverageAggregator.Configuration;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Sources;

public static class SourceKinds
{
    public const string Feed = "feed";
    public const string Bluesky = "bluesky";
    public const string Mastodon = "mastodon";
    public const string Reddit = "reddit";
    public const string HackerNews = "hackernews";
    public const string X = "x";
}

/// <summary>One thing to poll: a feed or a social API, with a stable id usable as a table key.</summary>
public sealed record SourceDescriptor(string Id, string Kind, string Name, string Url, SocialConfig? Social = null)
{
    public static IReadOnlyList<SourceDescriptor> AllOf(CoverageConfig config)
    {
        var feeds = config.Feeds.Select(f => new SourceDescriptor(
            SafeId(f.Id) ?? "feed-" + EntryIdentity.Hash(f.Url)[..16], SourceKinds.Feed, string.IsNullOrWhiteSpace(f.Name) ? f.Url : f.Name, f.Url));
        var social = config.Social.Select(s => new SourceDescriptor(
            s.Type.ToLowerInvariant() + "-" + EntryIdentity.Hash(s.Type + "|" + s.BaseUrl)[..12], s.Type.ToLowerInvariant(), s.Type, s.BaseUrl ?? "", s));
        return feeds.Concat(social).ToList();
    }

    /// <summary>Table keys may not hold / \ # ? or control characters.</summary>
    private static string? SafeId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : new string(id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '-' : c).ToArray());
}
