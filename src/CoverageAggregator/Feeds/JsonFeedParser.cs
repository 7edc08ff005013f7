using System.Text.Json;

namespace CoverageAggregator.Feeds;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org): 1.1 "authors" or 1.0 "author", the item's url else external_url, made absolute.</summary>
internal static class JsonFeedParser
{
    public static ParsedFeed Parse(string json, Uri feedUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"not a valid JSON Feed: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new FeedFormatException("not a JSON Feed: no \"items\" array");
            }

            var feedAuthor = AuthorOf(root);
            var home = Text(root, "home_page_url");
            var baseUrl = Uri.TryCreate(feedUrl, home, out var h) ? h : feedUrl;
            var entries = new List<FeedEntry>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var link = FeedXml.Absolute(baseUrl, Text(item, "url") ?? Text(item, "external_url"));
                // content_text is plain text: encoded, so that "<" in it is never read as markup downstream.
                var content = Text(item, "content_html") ?? (Text(item, "content_text") is { } plain ? System.Net.WebUtility.HtmlEncode(plain) : null);
                var summary = Text(item, "summary") is { } s ? System.Net.WebUtility.HtmlEncode(s) : null;
                var title = FeedXml.Clean(Text(item, "title"));
                entries.Add(new FeedEntry
                {
                    Id = EntryIdentity.Of(Text(item, "id"), link, title, content),
                    Title = title,
                    Link = link,
                    ContentHtml = content ?? summary,
                    SummaryHtml = summary,
                    Author = AuthorOf(item) ?? feedAuthor,
                    PublishedAt = DateParsing.Parse(Text(item, "date_published") ?? Text(item, "date_modified")),
                    ContentBase = link is not null ? new Uri(link) : baseUrl,
                });
            }

            return new ParsedFeed(Text(root, "title"), entries, []);
        }
    }

    private static string? AuthorOf(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Select(a => Text(a, "name")).OfType<string>().ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }

        return element.TryGetProperty("author", out var author) ? Text(author, "name") : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() is { Length: > 0 } s ? s : null
            : element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var number) && number.ValueKind == JsonValueKind.Number
                ? number.GetRawText()
                : null;
}
