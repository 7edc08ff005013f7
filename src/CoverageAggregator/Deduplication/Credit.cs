using CoverageAggregator.Coverage;

namespace CoverageAggregator.Deduplication;

/// <summary>Who and where a piece of coverage says it is from: its URL (the site), its byline and its headline.</summary>
public sealed record Credit(string Url, string? Author, string? Title)
{
    public static Credit Of(CoverageItem item) => new(item.Url, item.Author, item.Title);
}
