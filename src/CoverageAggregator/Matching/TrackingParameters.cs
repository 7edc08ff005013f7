namespace CoverageAggregator.Matching;

/// <summary>
/// Query parameters that only track or attribute a visit and never select content, grouped by who adds them.
/// Sources for each group: the vendors' own documentation of their link decoration (Google Analytics campaign URL
/// builder, Google Ads auto-tagging, Meta/Microsoft/TikTok/LinkedIn click ids, Mailchimp/HubSpot/Marketo email
/// tracking, Matomo/Piwik campaigns, AT Internet/Piano and comScore tags, Adobe Analytics s_cid), the share links the
/// platforms generate (X/Twitter ?s=/?t=/ref_src, Substack ?r=, Instagram igshid, Spotify/YouTube si, NYT smid),
/// AMP and Google News/Google AMP-viewer switches, and the lists kept by privacy tools that strip them
/// (Firefox query stripping, Brave's de-AMP/query filter, the ClearURLs rules). A parameter is listed only when no
/// common site uses the same name to select content; names that some sites do use (<c>p</c>, <c>id</c>, <c>page</c>,
/// <c>cid</c>) are deliberately absent.
/// </summary>
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
        ("at_", "AT Internet / Piano Analytics campaign tags (at_medium, at_campaign)"),
        ("ns_", "comScore / BBC campaign tags (ns_source, ns_mchannel)"),
        ("guce_", "Yahoo consent redirect"),
        ("amp_", "Google AMP viewer (amp_js_v, amp_gsa)"),
        ("stm_", "Stripe/Beehiiv email tags"),
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
        ["ttclid"] = "TikTok click id",
        ["epik"] = "Pinterest click id",
        ["srsltid"] = "Google Merchant Center result id",
        ["_branch_match_id"] = "Branch deep-link id",
        ["s_cid"] = "Adobe Analytics campaign id",
        ["wt_mc"] = "Webtrends campaign",
        ["wt.mc_id"] = "Webtrends campaign",
        ["ocid"] = "Microsoft / MSN campaign id",
        ["smid"] = "New York Times share id",
        ["smtyp"] = "New York Times share type",
        ["cmp"] = "Guardian / FT campaign code (CMP=)",
        ["icid"] = "internal campaign id",
        ["guccounter"] = "Yahoo consent redirect",
        ["__twitter_impression"] = "X/Twitter impression marker",
        ["trk"] = "LinkedIn tracking",
        ["usqp"] = "Google AMP viewer",
        ["utm"] = "bare utm marker",
        ["sr_share"] = "Substack reader share",
        ["ved"] = "Google search click",
        ["ei"] = "Google search session",
        ["ustp"] = "Bloomberg share",
    };

    public static bool IsTracking(string name) =>
        Names.ContainsKey(name) || Prefixes.Any(p => name.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase));
}
