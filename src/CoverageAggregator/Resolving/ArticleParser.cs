using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Resolving;

/// <summary>Reads an article page with AngleSharp: identity (rel=canonical, og:url), metadata, main text and its links.</summary>
public static partial class ArticleParser
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly string[] Boilerplate =
    [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[aria-hidden=true]",
        ".share", ".sharing", ".social", ".related", ".newsletter", ".subscribe", ".comments", ".byline", ".meta", ".kicker", ".timestamp",
    ];

    public static ArticlePage Parse(string html, Uri url)
    {
        using var document = Parser.ParseDocument(html);
        var jsonLd = JsonLd.Read(document);

        // Relative URLs resolve against the page's <base href> when it has one (itself relative to the page), else the page.
        var baseUrl = Absolute(url, document.QuerySelector("base[href]")?.GetAttribute("href")) is { } based ? new Uri(based) : url;
        var canonical = Absolute(baseUrl, document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"));
        var ogUrl = Absolute(baseUrl, Meta(document, "og:url"));
        var page = new ArticlePage
        {
            Url = url,
            CanonicalUrl = canonical,
            OgUrl = ogUrl,
            SyndicationSource = Absolute(baseUrl, Meta(document, "syndication-source") ?? Meta(document, "original-source")),
            SiteName = Meta(document, "og:site_name") ?? jsonLd.Publisher ?? Meta(document, "application-name") ?? Meta(document, "dc.publisher") ?? Meta(document, "dcterms.publisher"),
            Title = Meta(document, "og:title") ?? jsonLd.Headline ?? Clean(document.QuerySelector("h1")?.TextContent) ?? Clean(document.Title),
            Author = AuthorOf(document, jsonLd),
            PublishedAt = DateParsing.Parse(Meta(document, "article:published_time"))
                ?? DateParsing.Parse(jsonLd.DatePublished)
                ?? DateParsing.Parse(Meta(document, "date") ?? Meta(document, "dc.date") ?? Meta(document, "parsely-pub-date"))
                ?? DateParsing.Parse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
            Language = Clean(document.DocumentElement.GetAttribute("lang")),
            OtherTitles = OtherTitlesOf(document, jsonLd),
            NextPage = Absolute(baseUrl, document.QuerySelector("link[rel~=next][href], a[rel~=next][href]")?.GetAttribute("href")),
        };

        var main = MainContent(html, document, baseUrl);
        return page with { MainText = main.Text, Links = main.Links, BlockQuotes = main.BlockQuotes };
    }

    /// <summary>
    /// The main text and what is in it. Readability (SmartReader) finds the content; when it finds none, the largest
    /// article-like container of the page, boilerplate removed, stands in.
    /// </summary>
    private static (string Text, IReadOnlyList<string> Links, IReadOnlyList<string> BlockQuotes) MainContent(string html, IDocument document, Uri url)
    {
        if (ReadabilityText.IsWithinLimits(document) && ReadabilityText.ContentHtml(html, url) is { } content)
        {
            using var fragment = Parser.ParseDocument("<!DOCTYPE html><html><body>" + content + "</body></html>");
            var body = fragment.Body!;
            var links = LinksOf(body, url);
            var quotes = QuotesOf(body);
            var text = ReadabilityText.TextOf(body);
            if (text.Length > 0)
            {
                return (text, links, quotes);
            }
        }

        var main = MainElement(document);
        foreach (var node in main.QuerySelectorAll(string.Join(",", Boilerplate)).ToList())
        {
            node.Remove();
        }

        return (TextOf(main), LinksOf(main, url), QuotesOf(main));
    }

    /// <summary>
    /// The titles a page gives itself besides its main one, in any language: og:title, twitter:title, the document title,
    /// JSON-LD headline, alternativeHeadline and name, and the titles of its alternate-language links.
    /// </summary>
    private static List<string> OtherTitlesOf(IDocument document, JsonLd jsonLd) =>
        new[] { Meta(document, "og:title"), Meta(document, "twitter:title"), Clean(document.Title), jsonLd.Headline }
            .Concat(jsonLd.OtherTitles)
            .Concat(document.QuerySelectorAll("link[rel~=alternate][hreflang][title]").Select(l => Clean(l.GetAttribute("title"))))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static List<string> LinksOf(IElement root, Uri url) =>
        root.QuerySelectorAll("a[href]").Select(a => Absolute(url, a.GetAttribute("href"))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static List<string> QuotesOf(IElement root) =>
        root.QuerySelectorAll("blockquote").Select(b => Clean(b.TextContent)).OfType<string>().ToList();

    /// <summary>Plain text of an HTML fragment (feed content), with its links made absolute.</summary>
    public static (string Text, IReadOnlyList<string> Links, IReadOnlyList<string> BlockQuotes) ReadFragment(string? html, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return ("", [], []);
        }

        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return (Clean(html) ?? "", [], []); // plain text (most summaries): no markup, no entity, nothing to parse
        }

        using var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        foreach (var node in body.QuerySelectorAll("script,style,noscript,template,iframe").ToList())
        {
            node.Remove();
        }

        var links = body.QuerySelectorAll("a[href]").Select(a => Absolute(baseUrl, a.GetAttribute("href"))).OfType<string>().Distinct().ToList();
        var quotes = body.QuerySelectorAll("blockquote").Select(b => Clean(b.TextContent)).OfType<string>().ToList();
        return (TextOf(body), links, quotes);
    }

    private static IElement MainElement(IDocument document)
    {
        var candidates = document.QuerySelectorAll("article, main, [itemprop=articleBody], .post-content, .entry-content, .article-body, .story-body, #content")
            .Where(e => TextLength(e) > 200)
            .ToList();
        if (candidates.Count == 0)
        {
            return document.Body ?? document.DocumentElement;
        }

        // The innermost candidate that still holds most of the text of the largest one.
        var largest = candidates.MaxBy(TextLength)!;
        var threshold = TextLength(largest) * 0.6;
        return candidates.Where(c => TextLength(c) >= threshold).MinBy(c => c.QuerySelectorAll("*").Length)!;
    }

    private static int TextLength(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static string TextOf(IElement root)
    {
        var builder = new StringBuilder();
        var blocks = root.QuerySelectorAll("p, li, blockquote, h1, h2, h3, h4, pre, td").Where(e => e.ParentElement?.Closest("p, li, blockquote, pre, td") is null).ToList();
        if (blocks.Count == 0)
        {
            return Clean(root.TextContent) ?? "";
        }

        foreach (var block in blocks)
        {
            if (Clean(block.TextContent) is { } text)
            {
                builder.Append(text).Append("\n\n");
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string? AuthorOf(IDocument document, JsonLd jsonLd)
    {
        // Dublin Core (DC.creator) last: sites that carry it often have no other author metadata.
        var meta = Meta(document, "author") ?? Meta(document, "article:author") ?? Meta(document, "parsely-author") ?? Meta(document, "sailthru.author")
            ?? Meta(document, "dc.creator") ?? Meta(document, "dcterms.creator");
        if (meta is not null && !meta.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return meta;
        }

        if (jsonLd.Author is not null)
        {
            return jsonLd.Author;
        }

        var byline = Clean(document.QuerySelector("[rel=author], .byline, .author, [itemprop=author]")?.TextContent);
        return byline is null ? null : ByPrefix().Replace(byline, "").Trim();
    }

    internal static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } content)
            {
                return content;
            }
        }

        return null;
    }

    internal static string? Absolute(Uri baseUrl, string? href) => FeedParser.Absolute(baseUrl, href);

    internal static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Whitespace().Replace(value, " ").Trim() is { Length: > 0 } s ? s : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(by|von|par|por|di)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    /// <summary>The schema.org Article fields that matter, from the first JSON-LD block that has them.</summary>
    private sealed record JsonLd(string? Headline, string? Author, string? Publisher, string? DatePublished)
    {
        /// <summary>alternativeHeadline and name (a string, or a list of them: translations).</summary>
        public IReadOnlyList<string> OtherTitles { get; init; } = [];

        public static JsonLd Read(IDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 32 });
                    if (Find(json.RootElement) is { } found)
                    {
                        return found;
                    }
                }
                catch (JsonException)
                {
                    // A broken JSON-LD block is common; the other sources of metadata still apply.
                }
            }

            return new JsonLd(null, null, null, null);
        }

        private static JsonLd? Find(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return element.EnumerateArray().Select(Find).FirstOrDefault(f => f is not null);
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty("@graph", out var graph))
            {
                return Find(graph);
            }

            var type = element.TryGetProperty("@type", out var t) ? t.ToString() : "";
            if (!type.Contains("Article", StringComparison.OrdinalIgnoreCase) && !type.Contains("Posting", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return new JsonLd(Str(element, "headline"), NameOf(element, "author"), NameOf(element, "publisher"), Str(element, "datePublished"))
            {
                OtherTitles = Strings(element, "alternativeHeadline").Concat(Strings(element, "name")).ToList(),
            };
        }

        private static string? NameOf(JsonElement element, string property)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => Clean(value.GetString()),
                JsonValueKind.Object => Str(value, "name"),
                JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Object ? Str(v, "name") : Clean(v.ToString())).OfType<string>() is var names && names.Any()
                    ? string.Join(", ", names)
                    : null,
                _ => null,
            };
        }

        private static IEnumerable<string> Strings(JsonElement element, string property) =>
            !element.TryGetProperty(property, out var value) ? []
            : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => Clean(v.GetString())).OfType<string>()
            : value.ValueKind == JsonValueKind.String && Clean(value.GetString()) is { } one ? [one] : [];

        private static string? Str(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? Clean(value.GetString()) : null;
    }
}
