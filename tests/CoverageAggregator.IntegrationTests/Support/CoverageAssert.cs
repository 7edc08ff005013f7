using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;

namespace CoverageAggregator.IntegrationTests.Support;

public static class CoverageAssert
{
    /// <summary>No URL (after canonicalisation) belongs to two items: nothing was split or stored twice.</summary>
    public static void NoUrlInTwoItems(IReadOnlyList<CoverageItem> items)
    {
        var shared = items
            .SelectMany(i => i.AlsoAt.Append(i.Url).Select(u => (Key: UrlCanonicalizer.Key(u), i.Url)))
            .Where(x => x.Key is not null) // at:// and other non-web URIs have no web identity
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Url).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.True(shared.Count == 0, "URLs found in two items: " + string.Join(", ", shared));
    }
}
