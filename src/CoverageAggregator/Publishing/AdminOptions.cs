namespace CoverageAggregator.Publishing;

/// <summary>The CLI host's admin key (section "Coverage:Admin"); the Functions app uses function keys instead.</summary>
public sealed class AdminOptions
{
    public const string Section = "Coverage:Admin";
    public const string Header = "X-Api-Key";

    /// <summary>The key the admin routes of `coverage run` require in the X-Api-Key header; without one they answer 401.</summary>
    public string? ApiKey { get; set; }

    public bool Accepts(string? key) =>
        !string.IsNullOrEmpty(ApiKey) && key is not null
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(ApiKey), System.Text.Encoding.UTF8.GetBytes(key));
}
