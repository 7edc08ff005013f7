using CoverageAggregator.Coverage;

namespace CoverageAggregator.Publishing;

/// <summary>
/// Engagement added up over some items, per kind: for one platform (its posts and discussions), or for one outlet (the
/// posts and discussions about its articles). <see cref="Items"/> counts the items that report any engagement.
/// </summary>
public sealed record EngagementSum(string Name, int Items, int Likes, int Reposts, int Replies, int Quotes, int Points)
{
    public int Total => Likes + Reposts + Replies + Quotes + Points;

    public Engagement AsEngagement() => new(Likes, Reposts, Replies, Quotes, Points);

    public static EngagementSum Of(string name, IEnumerable<ExportItem> items)
    {
        var readings = items.Select(i => i.Engagement).OfType<Engagement>().ToList();
        return new EngagementSum(
            name,
            readings.Count,
            readings.Sum(e => e.Likes ?? 0),
            readings.Sum(e => e.Reposts ?? 0),
            readings.Sum(e => e.Replies ?? 0),
            readings.Sum(e => e.Quotes ?? 0),
            readings.Sum(e => e.Points ?? 0));
    }

    /// <summary>Per platform: the posts and discussions of each, the most engaged first.</summary>
    internal static IReadOnlyList<EngagementSum> ByPlatform(IReadOnlyList<ExportItem> items) =>
        items.Where(i => i.Kind != CoverageKinds.Article)
            .GroupBy(i => i.Outlet ?? "Other", StringComparer.OrdinalIgnoreCase)
            .Select(g => Of(g.Key, g))
            .Where(s => s.Items > 0)
            .OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Per outlet: the posts and discussions shown under its articles (at any depth), the most engaged first.</summary>
    internal static IReadOnlyList<EngagementSum> ByOutlet(IReadOnlyList<ExportItem> items, CoverageThreads threads) =>
        items.Where(i => i.Kind == CoverageKinds.Article)
            .GroupBy(i => i.Outlet ?? "Unknown outlet", StringComparer.OrdinalIgnoreCase)
            .Select(g => Of(g.Key, g.SelectMany(article => threads.WithDescendants(article).Skip(1))))
            .Where(s => s.Items > 0)
            .OrderByDescending(s => s.Total).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}
