using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Resolving;

/// <summary>
/// On the corpora's real-shaped pages (the dev corpus beside the repository, the integration tests' corpora): every page
/// the matcher finds a citation in, or that names an essay or its author (so its links may be followed), is kept by the
/// scan, and pages that cannot cite are let go, so the scan saves work without losing coverage.
/// </summary>
public class PageScanCorpusTests
{
    public static TheoryData<string> Corpora() =>
    [
        Path.Combine(Paths.Shared, "corpus", "compute-cliff"),
        Path.Combine(Paths.Shared, "corpus", "compute-cliff-real"),
        Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "aggregator-threads"),
        Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "google-news-current"),
    ];

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task EveryPageThatMayCiteIsKeptAndSomeThatCannotAreLetGo(string corpus)
    {
        var pages = HtmlPages(corpus);
        var json = (await File.ReadAllTextAsync(Path.Combine(corpus, "corpus.json"))).Replace("{{BASE}}", "https:/", StringComparison.Ordinal);
        var config = await ConfigLoader.ParseAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), corpus, CancellationToken.None);
        var essays = config.Essays.Select(e => Profile(e, pages)).ToList();
        var scan = PageScan.For(essays);
        var kept = new List<string>();
        var lost = new List<string>();
        var letGo = 0;
        foreach (var (url, html) in pages.Values)
        {
            var page = ArticleParser.Parse(html, url);
            var candidate = new CandidateText(page.Title, page.MainText, page.Links, page.BlockQuotes, PublishedAt: null);
            var words = SplitText.Of(candidate);
            var mayCite = essays.Any(e => !e.IsEssayUrl(url.AbsoluteUri)
                && (CitationMatcher.Match(e, candidate, words) is not null || CitationMatcher.MayConcern(e, words.Words)));
            var scanned = scan.MayCite(html);
            (mayCite ? scanned ? kept : lost : []).Add(url.AbsoluteUri);
            letGo += !mayCite && !scanned ? 1 : 0;
        }

        Assert.Empty(lost);
        Assert.True(kept.Count > 0, $"no page of {corpus} may cite ({pages.Count} pages)");
        Assert.True(letGo > 0, "the scan let no page go");
    }

    /// <summary>The essay's profile as EssayProfiles builds it, from its page in the corpus.</summary>
    private static EssayProfile Profile(EssayConfig essay, Dictionary<string, (Uri Url, string Html)> pages)
    {
        var path = essay.FetchUrl?["https:/".Length..];
        if (path is null || !pages.TryGetValue(path, out var essayPage))
        {
            return new EssayProfile(essay, [], null);
        }

        var page = ArticleParser.Parse(essayPage.Html, essayPage.Url);
        return new EssayProfile(essay, new[] { page.CanonicalUrl, page.OgUrl }.OfType<string>(), page.MainText, page.OtherTitles.Prepend(page.Title).OfType<string>());
    }

    /// <summary>The corpus's HTML routes: path → the URL it stands for (its host is the path's first segment) and the page.</summary>
    private static Dictionary<string, (Uri Url, string Html)> HtmlPages(string corpus)
    {
        using var routes = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "routes.json")));
        var pages = new Dictionary<string, (Uri, string)>(StringComparer.Ordinal);
        foreach (var route in routes.RootElement.GetProperty("routes").EnumerateArray())
        {
            if (route.TryGetProperty("file", out var file) && route.TryGetProperty("contentType", out var type)
                && type.GetString()!.StartsWith("text/html", StringComparison.Ordinal)
                && route.GetProperty("path").GetString() is { } path && Uri.TryCreate("https:/" + path, UriKind.Absolute, out var url))
            {
                pages.TryAdd(path, (url, File.ReadAllText(Path.Combine(corpus, file.GetString()!))));
            }
        }

        return pages;
    }
}
