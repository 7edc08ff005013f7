using CoverageAggregator.Sources;

namespace CoverageAggregator.Configuration.Discovery;

/// <summary>The social platforms a new sources file searches, and the settings that hold each one's credentials.</summary>
public static class SocialPlatforms
{
    private const string Prefix = "Coverage__Credentials__";

    public static IReadOnlyList<SocialPlatform> All { get; } =
    [
        new(SourceKinds.Bluesky, "Bluesky", "https://public.api.bsky.app",
            [Prefix + nameof(CredentialOptions.BlueskyIdentifier), Prefix + nameof(CredentialOptions.BlueskyAppPassword)],
            "search needs a signed-in account: your handle and an app password (Settings > App passwords), used on your PDS (pdsUrl, default https://bsky.social)"),
        new(SourceKinds.Mastodon, "Mastodon", "https://mastodon.social",
            [Prefix + nameof(CredentialOptions.MastodonAccessToken)],
            "full-text search returns posts only with an access token of an account on the instance (Preferences > Development)"),
        new(SourceKinds.Reddit, "Reddit", "https://oauth.reddit.com",
            [Prefix + nameof(CredentialOptions.RedditClientId), Prefix + nameof(CredentialOptions.RedditClientSecret)],
            "Reddit blocks anonymous API clients: the client id and secret of a registered script app (reddit.com/prefs/apps), for an app-only token"),
        new(SourceKinds.HackerNews, "Hacker News", "https://hn.algolia.com", [], "no credentials: the Algolia API is public"),
        new(SourceKinds.X, "X", "https://api.x.com",
            [Prefix + nameof(CredentialOptions.XBearerToken)],
            "recent search needs an app's bearer token (developer.x.com); without it the source is skipped"),
    ];

    public static SocialPlatform? Find(string type) => All.FirstOrDefault(p => string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One platform: its source type, public API root, the settings its credentials go in (environment-variable form) and what they are.</summary>
public sealed record SocialPlatform(string Type, string Name, string BaseUrl, IReadOnlyList<string> CredentialSettings, string Credentials);
