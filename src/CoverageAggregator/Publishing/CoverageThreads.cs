using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Publishing;

/// <summary>
/// Where each item sits among the others shown: a reply, quote-post or comment under the item it answers (its Parent),
/// else a post or discussion about a coverage article under that article (its About). Items are found by any of their
/// URLs, compared by identity (<see cref="UrlCanonicalizer.Key"/>). An item whose parent is not among them stands alone;
/// a chain that would loop (bad data) is cut where it closes.
/// </summary>
internal sealed class CoverageThreads
{
    private const int MaxDepth = 32;

    private readonly Dictionary<ExportItem, ExportItem> _above = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExportItem, List<ExportItem>> _below = new(ReferenceEqualityComparer.Instance);

    public CoverageThreads(IReadOnlyList<ExportItem> items)
    {
        var byKey = new Dictionary<string, ExportItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var key in item.AlsoAt.Prepend(item.Url).Select(UrlCanonicalizer.Key).OfType<string>())
            {
                byKey.TryAdd(key, item);
            }
        }

        foreach (var item in items)
        {
            var above = Find(byKey, item.Parent, item) ?? (item.Kind == CoverageKinds.Article ? null : Find(byKey, item.About, item) is { Kind: CoverageKinds.Article } article ? article : null);
            if (above is not null && !Reaches(above, item))
            {
                _above[item] = above;
                (_below.TryGetValue(above, out var list) ? list : _below[above] = []).Add(item);
            }
        }
    }

    /// <summary>The items shown directly under <paramref name="item"/>, in the order given.</summary>
    public IReadOnlyList<ExportItem> Below(ExportItem item) => _below.TryGetValue(item, out var list) ? list : [];

    /// <summary>The item shown directly above <paramref name="item"/>, or null.</summary>
    public ExportItem? Above(ExportItem item) => _above.GetValueOrDefault(item);

    /// <summary>True when the item is shown under another one.</summary>
    public bool IsAttached(ExportItem item) => _above.ContainsKey(item);

    /// <summary>The item and everything shown below it, at any depth.</summary>
    public IEnumerable<ExportItem> WithDescendants(ExportItem item, int depth = 0) =>
        depth > MaxDepth ? [] : Below(item).SelectMany(child => WithDescendants(child, depth + 1)).Prepend(item);

    private static ExportItem? Find(Dictionary<string, ExportItem> byKey, string? url, ExportItem self) =>
        UrlCanonicalizer.Key(url) is { } key && byKey.TryGetValue(key, out var found) && !ReferenceEquals(found, self) ? found : null;

    /// <summary>True when walking up from <paramref name="start"/> meets <paramref name="item"/>: attaching would close a loop.</summary>
    private bool Reaches(ExportItem start, ExportItem item)
    {
        var current = start;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (ReferenceEquals(current, item))
            {
                return true;
            }

            if (!_above.TryGetValue(current, out var next))
            {
                return false;
            }

            current = next;
        }

        return true;
    }
}
