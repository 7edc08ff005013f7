using System.Text;
using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// Essays and candidate articles for citation matching. Every corpus under ../shared/corpus gives its essays (corpus.json,
/// each profiled as EssayProfiles does: the page served at its fetchUrl read by ArticleParser for its sentences, its
/// rel=canonical and og:url) and its HTML pages as candidates (read at https://host/path, as {{BASE}}/host/path stands for);
/// the 181 Zyte benchmark pages are candidates too: real articles that do not cite the essay, the common case.
/// </summary>
public static class EssayCorpus
{
    private static readonly Lazy<IReadOnlyList<Corpus>> Corpora = new(LoadCorpora);
    private static readonly Lazy<IReadOnlyList<EssayProfile>> EssayProfiles = new(() => Corpora.Value.SelectMany(c => c.Essays.Select(e => Profile(c, e))).ToList());
    private static readonly Lazy<IReadOnlyList<CandidateText>> CandidateTexts = new(LoadCandidates);

    public static IReadOnlyList<EssayProfile> Essays => EssayProfiles.Value;

    public static IReadOnlyList<CandidateText> Candidates => CandidateTexts.Value;

    /// <summary>Essays × candidates, counted without parsing any page (for the throughput column, in the host process).</summary>
    public static int Pairs => Corpora.Value.Sum(c => c.Essays.Count) * (Corpora.Value.Sum(c => c.Pages.Count) + ArticleCorpus.All.Count);

    private sealed record Corpus(IReadOnlyList<EssayConfig> Essays, IReadOnlyDictionary<string, string> FileByPath, IReadOnlyList<(string Url, string File)> Pages);

    private static List<Corpus> LoadCorpora()
    {
        var root = Repo.Shared("corpus");
        var corpora = Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "corpus.json")) && File.Exists(Path.Combine(d, "routes.json")))
            .Order(StringComparer.Ordinal)
            .Select(LoadCorpus)
            .ToList();
        return corpora.Count > 0 ? corpora : throw new InvalidOperationException("no corpus under " + root);
    }

    private static Corpus LoadCorpus(string root)
    {
        var json = WithoutBase(File.ReadAllText(Path.Combine(root, "corpus.json")));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var config = ConfigLoader.ParseAsync(stream, root, CancellationToken.None).GetAwaiter().GetResult();
        using var routes = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "routes.json")));
        var fileByPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var pages = new List<(string, string)>();
        foreach (var route in routes.RootElement.GetProperty("routes").EnumerateArray())
        {
            if (!route.TryGetProperty("file", out var file) || !route.TryGetProperty("path", out var path))
            {
                continue;
            }

            var fullPath = Path.Combine(root, file.GetString()!);
            fileByPath.TryAdd(path.GetString()!, fullPath);
            if (route.TryGetProperty("contentType", out var type) && type.GetString()!.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
                && !pages.Any(p => p.Item2 == fullPath))
            {
                pages.Add(("https:/" + path.GetString(), fullPath));
            }
        }

        return new Corpus(config.Essays, fileByPath, pages);
    }

    private static EssayProfile Profile(Corpus corpus, EssayConfig essay)
    {
        var url = essay.FetchUrl ?? (essay.Urls.Count > 0 ? essay.Urls[0] : null);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !corpus.FileByPath.TryGetValue("/" + uri.Host + uri.AbsolutePath, out var file))
        {
            return new EssayProfile(essay, [], null);
        }

        var page = ArticleParser.Parse(File.ReadAllText(file), uri);
        return new EssayProfile(essay, new[] { page.CanonicalUrl, page.OgUrl, url }.OfType<string>(), page.MainText);
    }

    private static List<CandidateText> LoadCandidates()
    {
        var corpusPages = Corpora.Value
            .SelectMany(c => c.Pages)
            .Select(p => (Url: p.Url, Page: ArticleParser.Parse(File.ReadAllText(p.File), new Uri(p.Url))));
        var zytePages = ArticleCorpus.Parsed.Select(p => (Url: p.Url.AbsoluteUri, Page: p));
        return corpusPages.Concat(zytePages)
            .Select(p => new CandidateText(p.Page.Title, p.Page.MainText, p.Page.Links, p.Page.BlockQuotes, p.Page.PublishedAt, p.Url))
            .ToList();
    }

    private static string WithoutBase(string text) => text.Replace("{{BASE}}/", "https://", StringComparison.Ordinal);
}
