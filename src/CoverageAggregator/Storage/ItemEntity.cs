using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Storage;

/// <summary>The table shape of a <see cref="CoverageItem"/>: PartitionKey = essay id, RowKey = URL identity hash.</summary>
public sealed class ItemEntity : ITableRow<ItemEntity>
{
    /// <summary>Azure caps a string property at 64 KiB (32K UTF-16 chars); long fields are cut well below it.</summary>
    private const int MaxText = 8000;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Url { get; set; } = "";
    public string AlsoAt { get; set; } = "[]";
    public string Kind { get; set; } = CoverageKinds.Article;
    public string? Outlet { get; set; }
    public string? Title { get; set; }
    public string? Author { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string CitesBy { get; set; } = "link";
    public string Quotes { get; set; } = "[]";
    public string? Excerpt { get; set; }
    public string? Language { get; set; }
    /// <summary>Older rows: the engagement total alone (read as points when <see cref="EngagementCounts"/> is absent).</summary>
    public int? Engagement { get; set; }

    /// <summary>The <see cref="Coverage.Engagement"/> counts as JSON.</summary>
    public string? EngagementCounts { get; set; }
    public string? About { get; set; }
    public string? Parent { get; set; }

    /// <summary>The aggregators it came through, as a JSON list (<see cref="CoverageItem.Via"/>); older rows have none.</summary>
    public string? Via { get; set; }
    public string SourceIds { get; set; } = "[]";
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>About 700 characters (<see cref="Deduplication.TextSignature"/>).</summary>
    public string? TextSignature { get; set; }

    public static ItemEntity From(CoverageItem item) => new()
    {
        PartitionKey = item.EssayId,
        RowKey = item.Key,
        Url = item.Url,
        AlsoAt = JsonList(item.AlsoAt),
        Kind = item.Kind,
        Outlet = Cut(item.Outlet, 300),
        Title = Cut(item.Title, 1000),
        Author = Cut(item.Author, 300),
        PublishedAt = item.PublishedAt,
        CitesBy = item.CitesBy.ToString().ToLowerInvariant(),
        Quotes = JsonList(item.Quotes),
        Excerpt = Cut(item.Excerpt, 2000),
        Language = Cut(item.Language, 20),
        Engagement = item.Engagement?.Total,
        EngagementCounts = item.Engagement is null ? null : JsonSerializer.Serialize(item.Engagement),
        About = Cut(item.About, 2000),
        Parent = Cut(item.Parent, 2000),
        Via = item.Via.Count == 0 ? null : JsonList(item.Via),
        SourceIds = JsonList(item.SourceIds),
        FirstSeenAt = item.FirstSeenAt,
        UpdatedAt = item.UpdatedAt,
        TextSignature = Cut(item.TextSignature, 2000),
    };

    public TableEntity ToEntity() => new TableEntity(PartitionKey, RowKey) { ETag = ETag }
        .With(nameof(Url), Url)
        .With(nameof(AlsoAt), AlsoAt)
        .With(nameof(Kind), Kind)
        .With(nameof(Outlet), Outlet)
        .With(nameof(Title), Title)
        .With(nameof(Author), Author)
        .With(nameof(PublishedAt), PublishedAt)
        .With(nameof(CitesBy), CitesBy)
        .With(nameof(Quotes), Quotes)
        .With(nameof(Excerpt), Excerpt)
        .With(nameof(Language), Language)
        .With(nameof(Engagement), Engagement)
        .With(nameof(EngagementCounts), EngagementCounts)
        .With(nameof(About), About)
        .With(nameof(Parent), Parent)
        .With(nameof(Via), Via)
        .With(nameof(SourceIds), SourceIds)
        .With(nameof(FirstSeenAt), FirstSeenAt)
        .With(nameof(UpdatedAt), UpdatedAt)
        .With(nameof(TextSignature), TextSignature);

    public static ItemEntity FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new()
        {
            PartitionKey = entity.PartitionKey,
            RowKey = entity.RowKey,
            Timestamp = entity.Timestamp,
            ETag = entity.ETag,
            Url = entity.GetString(nameof(Url)) ?? "",
            AlsoAt = entity.GetString(nameof(AlsoAt)) ?? "[]",
            Kind = entity.GetString(nameof(Kind)) ?? CoverageKinds.Article,
            Outlet = entity.GetString(nameof(Outlet)),
            Title = entity.GetString(nameof(Title)),
            Author = entity.GetString(nameof(Author)),
            PublishedAt = entity.GetDateTimeOffset(nameof(PublishedAt)),
            CitesBy = entity.GetString(nameof(CitesBy)) ?? "link",
            Quotes = entity.GetString(nameof(Quotes)) ?? "[]",
            Excerpt = entity.GetString(nameof(Excerpt)),
            Language = entity.GetString(nameof(Language)),
            Engagement = entity.GetInt32(nameof(Engagement)),
            EngagementCounts = entity.GetString(nameof(EngagementCounts)),
            About = entity.GetString(nameof(About)),
            Parent = entity.GetString(nameof(Parent)),
            Via = entity.GetString(nameof(Via)),
            SourceIds = entity.GetString(nameof(SourceIds)) ?? "[]",
            FirstSeenAt = entity.GetDateTimeOffset(nameof(FirstSeenAt)) ?? default,
            UpdatedAt = entity.GetDateTimeOffset(nameof(UpdatedAt)) ?? default,
            TextSignature = entity.GetString(nameof(TextSignature)),
        };
    }

    public CoverageItem ToItem() => new()
    {
        EssayId = PartitionKey,
        Url = Url,
        AlsoAt = ReadList(AlsoAt),
        Kind = Kind,
        Outlet = Outlet,
        Title = Title,
        Author = Author,
        PublishedAt = PublishedAt,
        CitesBy = Enum.TryParse<CitesBy>(CitesBy, ignoreCase: true, out var by) ? by : Matching.CitesBy.Link,
        Quotes = ReadList(Quotes),
        Excerpt = Excerpt,
        Language = Language,
        Engagement = ReadEngagement(),
        About = About,
        Parent = Parent,
        Via = ReadList(Via),
        SourceIds = ReadList(SourceIds),
        FirstSeenAt = FirstSeenAt,
        UpdatedAt = UpdatedAt,
        TextSignature = TextSignature,
    };

    private Engagement? ReadEngagement() => EngagementCounts is { Length: > 0 } json
        ? JsonSerializer.Deserialize<Engagement>(json)
        : Engagement is { } total ? new Engagement(Points: total) : null;

    private static string JsonList(IReadOnlyList<string> values)
    {
        var kept = new List<string>();
        var length = 2;
        foreach (var value in values)
        {
            length += value.Length + 4;
            if (length > MaxText)
            {
                break;
            }

            kept.Add(value);
        }

        return JsonSerializer.Serialize(kept);
    }

    private static List<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
