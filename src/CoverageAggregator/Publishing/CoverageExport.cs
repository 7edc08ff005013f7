using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The JSON export (../shared/eval/FORMAT.md "The export"), plus counts and essay metadata. Each item carries its
/// engagement and, in a thread, its parent; the counts add engagement up per platform and per outlet.
/// </summary>
public sealed record CoverageExport(ExportEssay Essay, DateTimeOffset GeneratedAt, ExportCounts Counts, IReadOnlyList<ExportItem> Items, IReadOnlyList<QuotedPassage> MostQuoted)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = PublishingJson.Default,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CoverageExport? FromJson(string json) => JsonSerializer.Deserialize<CoverageExport>(json, Json);

    /// <summary>When the last digest went out: the default "new since" marker of the page.</summary>
    public DateTimeOffset? LastDigestAt { get; init; }

    /// <summary>Entries found for the essay whose Google News link is not resolved yet: not coverage, never counted (<see cref="Collection.WaitingEntries"/>).</summary>
    public IReadOnlyList<ExportWaiting>? Waiting { get; init; }

    public static CoverageExport Build(EssayConfig essay, IEnumerable<CoverageItem> items, DateTimeOffset now) =>
        Build(
            new ExportEssay(essay.Id, essay.Title, essay.Author, essay.Publication, essay.Urls, essay.PublishedAt),
            CoverageOrdering.Order(items).Select(ExportItem.From).ToList(),
            now);

    /// <summary>The export of these items (already in page order): counts and most-quoted passages follow from them.</summary>
    public static CoverageExport Build(ExportEssay essay, IReadOnlyList<ExportItem> items, DateTimeOffset now)
    {
        var articles = items.Where(i => i.Kind == CoverageKinds.Article).ToList();
        var threads = new CoverageThreads(items);
        var counts = new ExportCounts(
            articles.Count,
            items.Count - articles.Count,
            articles.Select(i => i.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            items.Sum(i => i.Quotes.Count))
        {
            Engagement = EngagementSum.Of("all", items),
            EngagementByPlatform = EngagementSum.ByPlatform(items),
            EngagementByOutlet = EngagementSum.ByOutlet(items, threads),
        };
        var mostQuoted = items.SelectMany(i => i.Quotes.Select(q => (Quote: q, i.Url)))
            .GroupBy(q => q.Quote, StringComparer.Ordinal)
            .Select(g => new QuotedPassage(g.Key, g.Count(), g.Select(q => q.Url).Distinct().ToList()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Text, StringComparer.Ordinal)
            .ToList();
        return new CoverageExport(essay, now, counts, items, mostQuoted);
    }
}

public sealed record ExportEssay(string Id, string Title, string? Author, string? Publication, IReadOnlyList<string> Urls, DateTimeOffset? PublishedAt);

public sealed record ExportCounts(int Articles, int Posts, int Outlets, int Quotes)
{
    /// <summary>The engagement of every item, added up per kind.</summary>
    public EngagementSum? Engagement { get; init; }

    // An export written before these counts existed has none: the generated reader (PublishingJson) sets a missing
    // init-only property to null rather than leaving its initializer, so null is read as none here.
    private readonly IReadOnlyList<EngagementSum> _byPlatform = [];
    private readonly IReadOnlyList<EngagementSum> _byOutlet = [];

    /// <summary>Per platform, the engagement of its posts and discussions.</summary>
    public IReadOnlyList<EngagementSum> EngagementByPlatform { get => _byPlatform; init => _byPlatform = value ?? []; }

    /// <summary>Per outlet, the engagement of the posts and discussions about its articles.</summary>
    public IReadOnlyList<EngagementSum> EngagementByOutlet { get => _byOutlet; init => _byOutlet = value ?? []; }
}

/// <summary>An entry waiting to be resolved: its Google News link, the outlet and title the feed gave, its failed tries and next try.</summary>
public sealed record ExportWaiting(string Url, string? Outlet, string? Title, DateTimeOffset? PublishedAt, int Tries, DateTimeOffset NextTryAt);

public sealed record QuotedPassage(string Text, int Count, IReadOnlyList<string> QuotedBy);

public sealed record ExportItem(
    string Url, IReadOnlyList<string> AlsoAt, string Kind, string? Outlet, string? Title, string? Author,
    DateTimeOffset? PublishedAt, string CitesBy, IReadOnlyList<string> Quotes, string? Excerpt, string? Language, DateTimeOffset FirstSeenAt,
    Engagement? Engagement = null, string? About = null, string? Parent = null, IReadOnlyList<string>? Via = null)
{
    public static ExportItem From(CoverageItem item) => new(
        item.Url, item.AlsoAt, item.Kind, item.Outlet ?? HostOf(item.Url), item.Title, item.Author, item.PublishedAt,
        item.CitesBy.ToString().ToLowerInvariant(), item.Quotes, item.Excerpt, item.Language, item.FirstSeenAt, item.Engagement, item.About, item.Parent,
        item.Via.Count > 0 ? item.Via : null);

    /// <summary>The date the item counts for: its publication date, else when it was first seen.</summary>
    [JsonIgnore]
    public DateTimeOffset Date => PublishedAt ?? FirstSeenAt;

    private static string? HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;
}

/// <summary>Newest first; undated items by when they were first seen.</summary>
public static class CoverageOrdering
{
    public static IEnumerable<CoverageItem> Order(IEnumerable<CoverageItem> items) =>
        items.OrderByDescending(i => i.PublishedAt ?? i.FirstSeenAt).ThenBy(i => i.Url, StringComparer.Ordinal);
}
