using System.ComponentModel.DataAnnotations;

namespace CoverageAggregator.Digest;

/// <summary>The daily digest (section "Coverage:Digest").</summary>
public sealed class DigestOptions
{
    public const string Section = "Coverage:Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>Local time of day the digest is built, HH:mm, in <see cref="TimeZone"/>.</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string Time { get; set; } = "08:00";

    /// <summary>An IANA or Windows time zone id; daylight saving time is followed.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>"skip" sends nothing when nothing is new; "send" sends "no new coverage".</summary>
    [RegularExpression("^(skip|send)$")]
    public string WhenEmpty { get; set; } = "skip";

    /// <summary>Six-field cron of the check that builds due digests and retries failed deliveries (Functions: %DigestCheckSchedule%).</summary>
    [Required]
    public string CheckSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>Where the coverage pages are served, for links in digests and alerts.</summary>
    public string BaseUrl { get; set; } = "http://localhost:7071";

    [Range(1, 500)]
    public int MaxItems { get; set; } = 50;

    /// <summary>The zone <see cref="TimeZone"/> names (a method, so the settings binder does not take it for a setting).</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>Where digests and alerts go (section "Coverage:Delivery"): email over SMTP and/or chat webhooks.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Coverage:Delivery";

    public EmailOptions Email { get; set; } = new();

    public List<WebhookOptions> Webhooks { get; set; } = [];
}

public sealed class EmailOptions
{
    /// <summary>The SMTP server; email is off when empty.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>auto, none, starttls or ssl.</summary>
    [RegularExpression("^(auto|none|starttls|ssl)$")]
    public string Security { get; set; } = "auto";

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "coverage@localhost";
    public List<string> To { get; set; } = [];

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && To.Count > 0;
}

public sealed class WebhookOptions
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Url { get; set; } = "";

    /// <summary>slack (Slack incoming webhook) or teams (Teams workflow, an Adaptive Card message).</summary>
    [RegularExpression("^(slack|teams)$")]
    public string Format { get; set; } = "slack";
}
