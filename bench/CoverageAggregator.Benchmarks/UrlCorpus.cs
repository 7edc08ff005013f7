using System.Net;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Real URLs, as the aggregator meets them in feeds and pages: every distinct absolute http(s) URL in the unit tests'
/// fixtures (tests/*/TestData), the corpora under ../shared/corpus (with {{BASE}}/host/path read as https://host/path),
/// the feed fixtures of ../shared/benchmarks and the links of the Zyte benchmark pages. After each real URL comes a
/// variant of it as shared or mailed: tracking parameters (utm_*, fbclid, gclid, mc_*, ...), sometimes a fragment, a
/// www. or upper-case host, a default port, or a Google/Facebook/AMP-cache wrapper (fixed seed, so every run is the same).
/// </summary>
public static partial class UrlCorpus
{
    private static readonly Lazy<(IReadOnlyList<string> All, int Real)> Urls = new(Load);

    public static IReadOnlyList<string> All => Urls.Value.All;

    /// <summary>How many of <see cref="All"/> are real URLs; the rest are their tracking-laden variants.</summary>
    public static int RealCount => Urls.Value.Real;

    private static readonly string[][] Tracking =
    [
        ["utm_source=twitter", "utm_medium=social", "utm_campaign=share"],
        ["utm_source=newsletter", "utm_medium=email", "utm_campaign=weekly-2026-10-15", "utm_content=headline"],
        ["fbclid=IwAR2xK9fQ3bLm7vYt0Zp5Hc8sJd1Ue4Rw6Ny"],
        ["gclid=Cj0KCQjw9Y2XBhCYARIsAJx8Ew", "gclsrc=aw.ds"],
        ["mc_cid=5b0c8a1f2e", "mc_eid=9d41e7c3a0"],
        ["ref=hackernews"],
        ["s=20", "t=Qx7bK2mN9vR4pL1sT8wY3A"],
        ["igshid=MzRlODBiNWFlZA=="],
        ["_ga=2.1234567.890123.1697400000-123456789.1697300000"],
        ["r=2f9k1", "utm_campaign=post", "utm_medium=web"],
        ["ncid=txtlnkusaolp00000618", "guccounter=1"],
        ["CMP=share_btn_tw", "at_medium=RSS_feeds", "ns_source=twitter"],
    ];

    private static (IReadOnlyList<string>, int) Load()
    {
        var real = new SortedSet<string>(StringComparer.Ordinal);
        var fixtures = Directory.EnumerateDirectories(Path.Combine(Repo.Root, "tests")).SelectMany(project => FilesUnder(Path.Combine(project, "TestData")));
        foreach (var file in fixtures)
        {
            AddFrom(File.ReadAllText(file), real);
        }

        foreach (var file in FilesUnder(Repo.Shared("corpus")).Concat(FilesUnder(Repo.Shared("benchmarks", "feed-fixtures"))))
        {
            AddFrom(File.ReadAllText(file).Replace("{{BASE}}/", "https://", StringComparison.Ordinal), real);
        }

        foreach (var page in ArticleCorpus.All)
        {
            AddFrom(page.Html, real);
        }

        var random = new Random(8);
        var all = new List<string>(real.Count * 2);
        foreach (var url in real)
        {
            all.Add(url);
            all.Add(Variant(url, random));
        }

        return all.Count > 0 ? (all, real.Count) : throw new InvalidOperationException("no URLs found");
    }

    private static IEnumerable<string> FilesUnder(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".gz", StringComparison.Ordinal)) : [];

    private static void AddFrom(string text, SortedSet<string> urls)
    {
        foreach (Match match in AbsoluteUrl().Matches(text))
        {
            var url = WebUtility.HtmlDecode(match.Value).TrimEnd('.', ',', ';', ':', ')', ']', '}');
            if (url.Length > "https://".Length)
            {
                urls.Add(url);
            }
        }
    }

    /// <summary>The URL as it is shared: tracking parameters, and now and then a fragment, a host form or a link wrapper.</summary>
    private static string Variant(string url, Random random)
    {
        var (beforeFragment, fragment) = url.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (url[..hash], url[hash..]) : (url, "");
        var tracked = beforeFragment + (beforeFragment.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + string.Join('&', Tracking[random.Next(Tracking.Length)]) + (random.Next(5) == 0 ? "#comments" : fragment);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return tracked;
        }

        return random.Next(20) switch
        {
            0 => "https://www.google.com/url?sa=t&rct=j&q=&esrc=s&url=" + Uri.EscapeDataString(tracked) + "&ved=2ahUKEwi&usg=AOvVaw3",
            1 => "https://l.facebook.com/l.php?u=" + Uri.EscapeDataString(tracked) + "&h=AT0x9fQ",
            2 => $"https://{uri.Host.Replace('.', '-')}.cdn.ampproject.org/c/s/{uri.Host}{uri.PathAndQuery}",
            3 => tracked.Replace(uri.Host, uri.Host.ToUpperInvariant(), StringComparison.Ordinal),
            4 when !uri.Host.StartsWith("www.", StringComparison.Ordinal) => tracked.Replace("://" + uri.Host, "://www." + uri.Host, StringComparison.Ordinal),
            5 when uri.IsDefaultPort => tracked.Replace("://" + uri.Host, $"://{uri.Host}:{uri.Port}", StringComparison.Ordinal),
            _ => tracked,
        };
    }

    [GeneratedRegex(@"https?://[^\s""'<>\\`]+", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();
}
