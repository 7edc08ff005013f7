namespace CoverageAggregator.Sources.Social;

/// <summary>
/// Where each platform's credentials are set, named in the health of a source the platform refused: in the source's
/// entry of the sources file, or as an app setting (section Coverage:Credentials; a Key Vault reference in Azure).
/// </summary>
internal static class Credentials
{
    private static readonly Dictionary<string, string> Where = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bluesky"] = "identifier and appPassword (an app password of a Bluesky account) on the source, or the settings "
            + "Coverage:Credentials:BlueskyIdentifier and BlueskyAppPassword (Key Vault secrets bluesky-identifier, bluesky-app-password)",
        ["Mastodon"] = "accessToken (a token of an account on the instance, scope read) on the source, or the setting "
            + "Coverage:Credentials:MastodonAccessToken (Key Vault secret mastodon-access-token)",
        ["Reddit"] = "clientId and clientSecret (a Reddit app of type script or web) on the source, or the settings "
            + "Coverage:Credentials:RedditClientId and RedditClientSecret (Key Vault secrets reddit-client-id, reddit-client-secret)",
        ["X"] = "bearerToken (the app's bearer token) on the source, or the setting Coverage:Credentials:XBearerToken (Key Vault secret x-bearer-token)",
    };

    /// <summary>The settings that hold the platform's credentials, for a message; null for a platform that needs none.</summary>
    public static string? For(string platform) => Where.GetValueOrDefault(platform);

    /// <summary>What a 401/403 means: the credentials named were refused, or none were sent and these are the ones to set.</summary>
    public static string Refused(string platform, string path, int status, bool signed) => (signed, For(platform)) switch
    {
        (true, _) => $"{platform} refused the credentials (HTTP {status}) for {path}: check that they are valid, current and have the access needed",
        (false, { } where) => $"{platform} answered HTTP {status} to {path} without credentials: set {where}",
        _ => $"{platform} refused access (HTTP {status}) to {path}",
    };
}
