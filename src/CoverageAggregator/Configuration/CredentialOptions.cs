using System.Text.Json;

namespace CoverageAggregator.Configuration;

/// <summary>
/// Social API credentials from settings (section Coverage:Credentials; Key Vault references in Azure), so the sources
/// file holds none. Each fills the matching field of every social source of its platform that leaves it empty.
/// </summary>
public sealed class CredentialOptions
{
    public string? BlueskyIdentifier { get; set; }
    public string? BlueskyAppPassword { get; set; }
    public string? MastodonAccessToken { get; set; }
    public string? RedditClientId { get; set; }
    public string? RedditClientSecret { get; set; }

    /// <summary>A token obtained elsewhere; with RedditClientId and RedditClientSecret the app gets (and renews) its own.</summary>
    public string? RedditBearerToken { get; set; }
    public string? XBearerToken { get; set; }

    /// <summary>The sources file with the configured credentials filled in.</summary>
    public CoverageConfig ApplyTo(CoverageConfig config) =>
        config with { Social = config.Social.Select(Apply).ToList() };

    /// <summary>Platform, field of the social source (the sources file's name), value.</summary>
    private IEnumerable<(string Type, string Field, string? Value)> Fields() =>
    [
        ("bluesky", "identifier", BlueskyIdentifier),
        ("bluesky", "appPassword", BlueskyAppPassword),
        ("mastodon", "accessToken", MastodonAccessToken),
        ("reddit", "clientId", RedditClientId),
        ("reddit", "clientSecret", RedditClientSecret),
        ("reddit", "bearerToken", RedditBearerToken),
        ("x", "bearerToken", XBearerToken),
    ];

    private SocialConfig Apply(SocialConfig social)
    {
        foreach (var (type, field, value) in Fields())
        {
            if (!string.Equals(social.Type, type, StringComparison.OrdinalIgnoreCase) || Usable(value) is not { } secret)
            {
                continue;
            }

            if (field == "bearerToken")
            {
                social = string.IsNullOrWhiteSpace(social.BearerToken) ? social with { BearerToken = secret } : social;
            }
            else if (social.Extra?.Keys.Any(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase)) != true)
            {
                var extra = new Dictionary<string, JsonElement>(social.Extra ?? [], StringComparer.OrdinalIgnoreCase)
                {
                    [field] = JsonSerializer.SerializeToElement(secret),
                };
                social = social with { Extra = extra };
            }
        }

        return social;
    }

    /// <summary>
    /// Blank is not configured; neither is a Key Vault reference the platform could not resolve (the secret does not
    /// exist yet), which reaches the app as its own text.
    /// </summary>
    internal static string? Usable(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) ? null : value.Trim();
}
