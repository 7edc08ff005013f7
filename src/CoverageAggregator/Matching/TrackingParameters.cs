namespace CoverageAggregator.Matching;

/// <summary>Query parameters that only track or attribute a visit and never select content, grouped by who adds them.</summary>
public static class TrackingParameters
{
    /// <summary>Prefixes: any parameter starting with one of these is dropped.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Source)> Prefixes =
    [
        ("utm_", "Google Analytics campaign tags"),
        ("mtm_", "Matomo campaign tags"),
        ("pk_", "Piwik/Matomo campaign tags"),
        ("hsa_", "HubSpot ads"),
        ("__s", "Drip"),
        ("_hs", "HubSpot email"),
        ("vero_", "Vero email"),
        ("oly_", "Omeda"),
    ];

    /// <summary>Exact names (case-insensitive).</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["fbclid"] = "Facebook click id",
        ["gclid"] = "Google Ads click id",
        ["gclsrc"] = "Google Ads",
        ["dclid"] = "Google Display click id",
        ["gbraid"] = "Google Ads (iOS)",
        ["wbraid"] = "Google Ads (iOS)",
        ["msclkid"] = "Microsoft Ads click id",
        ["twclid"] = "X/Twitter click id",
        ["li_fat_id"] = "LinkedIn click id",
        ["igshid"] = "Instagram share id",
        ["yclid"] = "Yandex click id",
        ["mc_cid"] = "Mailchimp campaign id",
        ["mc_eid"] = "Mailchimp subscriber id",
        ["mkt_tok"] = "Marketo",
        ["ref"] = "generic referrer tag (Substack, Product Hunt, GitHub)",
        ["ref_src"] = "X/Twitter share referrer",
        ["ref_url"] = "X/Twitter share referrer",
        ["referrer"] = "generic referrer tag",
        ["source"] = "generic share source (Medium, newsletters)",
        ["r"] = "Substack share / referral code",
        ["s"] = "X/Twitter share client",
        ["t"] = "X/Twitter share token",
        ["si"] = "Spotify/YouTube share id",
        ["sh"] = "share id",
        ["share"] = "share flag",
        ["shared"] = "share flag",
        ["triedRedirect"] = "Substack redirect loop guard",
        ["publication_id"] = "Substack app share",
        ["post_id"] = "Substack app share",
        ["isFreemail"] = "Substack email",
        ["showWelcomeOnShare"] = "Substack share",
        ["amp"] = "AMP switch (?amp=1)",
        ["outputType"] = "AMP switch (?outputType=amp)",
        ["oc"] = "Google News redirect",
        ["ncid"] = "Yahoo/Verizon campaign id",
        ["cmpid"] = "campaign id",
        ["_ga"] = "Google Analytics cross-domain linker",
        ["_gl"] = "Google Analytics cross-domain linker",
        ["rss"] = "feed marker",
        ["from"] = "feed/share marker",
        ["feature"] = "YouTube share feature",
        ["ito"] = "share marker",
        ["rtc"] = "share marker",
    };

    public static bool IsTracking(string name) =>
        Names.ContainsKey(name) || Prefixes.Any(p => name.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase));
}
