using CoverageAggregator.Candidates;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Feeds;

/// <summary>A feed entry as a <see cref="Candidate"/>: its fullest text (content or summary, whichever says more), their links and blockquotes.</summary>
public static class FeedCandidates
{
    /// <param name="sourceName">The feed's name in the sources file: the outlet when the entry credits none.</param>
    public static Candidate Of(FeedEntry entry, string? sourceName)
    {
        var baseUrl = entry.ContentBase ?? (entry.Link is not null ? new Uri(entry.Link) : new Uri("http://invalid/"));
        var content = ArticleParser.ReadFragment(entry.ContentHtml, baseUrl);
        var summary = entry.SummaryHtml == entry.ContentHtml ? content : ArticleParser.ReadFragment(entry.SummaryHtml, baseUrl);
        var (fuller, other) = content.Text.Length >= summary.Text.Length ? (content, summary) : (summary, content);
        return new Candidate
        {
            Url = entry.Link,
            Title = TitleOf(entry),
            Text = fuller.Text,
            Links = fuller.Links.Concat(other.Links).Distinct(StringComparer.Ordinal).ToList(),
            BlockQuotes = fuller.BlockQuotes,
            Author = entry.Author,
            PublishedAt = entry.PublishedAt,
            Outlet = entry.SourceName ?? sourceName,
            OutletUrl = entry.SourceUrl,
        };
    }

    /// <summary>The entry's title without the " - Outlet" an aggregator (Google News) appends.</summary>
    private static string? TitleOf(FeedEntry entry) =>
        entry.Title is { } title && entry.SourceName is { } source && title.EndsWith(" - " + source, StringComparison.Ordinal)
            ? title[..^(source.Length + 3)].TrimEnd()
            : entry.Title;
}
