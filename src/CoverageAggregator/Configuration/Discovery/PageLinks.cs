using System.Text.Json;
using AngleSharp.Dom;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Configuration.Discovery;

/// <summary>What an essay page links beyond its text: its feed (autodiscovery) and the author's own site.</summary>
internal static class PageLinks
{
    /// <summary>
    /// The site's feeds the page advertises (link rel=alternate), comment feeds left out: WordPress lists the site feed,
    /// the comments feed and the post's own comments feed, each titled so.
    /// </summary>
    public static IReadOnlyList<string> Feeds(IDocument document, Uri pageUrl)
    {
        var comments = document.QuerySelectorAll("link[rel~=alternate][href]")
            .Where(l => l.GetAttribute("title")?.Contains("comments", StringComparison.OrdinalIgnoreCase) == true || l.GetAttribute("href")!.Contains("/comments/", StringComparison.OrdinalIgnoreCase))
            .Select(l => ArticleParser.Absolute(pageUrl, l.GetAttribute("href")))
            .ToHashSet(StringComparer.Ordinal);
        return GoogleNewsLinks.FeedLinks(document, pageUrl).Where(f => !comments.Contains(f)).ToList();
    }

    /// <summary>
    /// Pages the page names as the author's (their site or profile): rel=author and rel=me links, and the url and sameAs
    /// of the JSON-LD author; the essay's own URLs left out.
    /// </summary>
    public static IReadOnlyList<Uri> AuthorSites(IDocument document, Uri pageUrl, IEnumerable<string?> ownUrls)
    {
        var own = ownUrls.Append(pageUrl.AbsoluteUri).Select(UrlCanonicalizer.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return document.QuerySelectorAll("a[rel~=author][href], link[rel~=author][href], a[rel~=me][href], link[rel~=me][href]")
            .Select(a => a.GetAttribute("href"))
            .Concat(JsonLdAuthorUrls(document))
            .Select(h => ArticleParser.Absolute(pageUrl, h))
            .Where(h => UrlCanonicalizer.Key(h) is { } key && !own.Contains(key))
            .Select(h => new Uri(h!))
            .DistinctBy(u => u.AbsoluteUri)
            .ToList();
    }

    private static IEnumerable<string?> JsonLdAuthorUrls(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            List<string?> urls = [];
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 32 });
                Collect(json.RootElement, urls);
            }
            catch (JsonException)
            {
                // A broken JSON-LD block names no site; the page's links still may.
            }

            foreach (var url in urls)
            {
                yield return url;
            }
        }
    }

    private static void Collect(JsonElement element, List<string?> urls)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, urls);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("@graph", out var graph))
            {
                Collect(graph, urls);
            }

            if (element.TryGetProperty("author", out var author))
            {
                foreach (var person in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
                {
                    urls.AddRange(Strings(person, "url").Concat(Strings(person, "sameAs")));
                }
            }
        }
    }

    private static IEnumerable<string?> Strings(JsonElement element, string property) =>
        element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()]
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())
        : [];
}
