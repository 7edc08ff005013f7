using System.Text.Json;
using CoverageAggregator.Configuration;

namespace CoverageAggregator.Tests.Configuration;

public class CredentialOptionsTests
{
    private static CoverageConfig Config(params SocialConfig[] social) => new() { Social = social };

    [Fact]
    public void BearerTokensFillTheirPlatformsSourcesOnly()
    {
        var credentials = new CredentialOptions { XBearerToken = "x-token", RedditBearerToken = "reddit-token" };

        var applied = credentials.ApplyTo(Config(new SocialConfig { Type = "x" }, new SocialConfig { Type = "Reddit" }, new SocialConfig { Type = "hackernews" }));

        Assert.Equal(["x-token", "reddit-token", null], applied.Social.Select(s => s.BearerToken));
    }

    [Fact]
    public void FieldCredentialsBecomeTheSourcesPlatformFields()
    {
        var credentials = new CredentialOptions { BlueskyIdentifier = "me.bsky.social", BlueskyAppPassword = "app-pass", MastodonAccessToken = "masto" };

        var applied = credentials.ApplyTo(Config(new SocialConfig { Type = "bluesky" }, new SocialConfig { Type = "mastodon" }));

        Assert.Equal("me.bsky.social", applied.Social[0].Extra!["identifier"].GetString());
        Assert.Equal("app-pass", applied.Social[0].Extra!["appPassword"].GetString());
        Assert.Equal("masto", applied.Social[1].Extra!["accessToken"].GetString());
    }

    [Fact]
    public void RedditAppCredentialsFillEveryRedditSource()
    {
        var credentials = new CredentialOptions { RedditClientId = "app-id", RedditClientSecret = "app-secret" };

        var applied = credentials.ApplyTo(Config(new SocialConfig { Type = "reddit" }, new SocialConfig { Type = "reddit", BaseUrl = "https://oauth.reddit.com" }));

        Assert.All(applied.Social, s => Assert.Equal(("app-id", "app-secret"), (s.Extra!["clientId"].GetString(), s.Extra!["clientSecret"].GetString())));
    }

    [Fact]
    public void ValuesInTheSourcesFileWinOverSettings()
    {
        var credentials = new CredentialOptions { XBearerToken = "from-settings", MastodonAccessToken = "from-settings" };
        var mastodon = new SocialConfig
        {
            Type = "mastodon",
            Extra = new Dictionary<string, JsonElement> { ["accessToken"] = JsonSerializer.SerializeToElement("from-file") },
        };

        var applied = credentials.ApplyTo(Config(new SocialConfig { Type = "x", BearerToken = "from-file" }, mastodon));

        Assert.Equal("from-file", applied.Social[0].BearerToken);
        Assert.Equal("from-file", applied.Social[1].Extra!["accessToken"].GetString());
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-abc;SecretName=x-bearer-token)")]
    [InlineData("   ")]
    [InlineData("")]
    public void AnUnresolvedKeyVaultReferenceOrABlankIsNotACredential(string value)
    {
        var applied = new CredentialOptions { XBearerToken = value }.ApplyTo(Config(new SocialConfig { Type = "x" }));

        Assert.Null(applied.Social[0].BearerToken);
    }
}
