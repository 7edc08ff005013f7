using CoverageAggregator.Candidates;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Feeds;

/// <summary>
/// A feed entry as a <see cref="Candidate"/>: its fullest text (content or summary, whichever says more), their links and
/// blockquotes. An aggregator's entry (<see cref="Aggregators"/>) stands for the publisher's article it lists: that is
/// the candidate's URL, and the aggregator is kept.
/// </summary>
public static class FeedCandidates
{
    /// <param name="sourceName">The feed's name in the sources file: the outlet when the entry credits none.</param>
    public static Candidate Of(FeedEntry entry, string? sourceName)
    {
        var baseUrl = entry.ContentBase ?? (entry.Link is not null ? new Uri(entry.Link) : new Uri("http://invalid/"));
        var content = ArticleParser.ReadFragment(entry.ContentHtml, baseUrl);
        var summary = entry.SummaryHtml == entry.ContentHtml ? content : ArticleParser.ReadFragment(entry.SummaryHtml, baseUrl);
        var (fuller, other) = content.Text.Length >= summary.Text.Length ? (content, summary) : (summary, content);
        var links = fuller.Links.Concat(other.Links).Distinct(StringComparer.Ordinal).ToList();
        var aggregator = Aggregators.Of(entry.Link, links, fuller.Text);
        return new Candidate
        {
            Url = aggregator is null ? entry.Link : aggregator.ArticleUrl,
            Title = TitleOf(entry),
            Text = fuller.Text,
            Links = links,
            BlockQuotes = fuller.BlockQuotes,
            Author = entry.Author,
            PublishedAt = entry.PublishedAt,
            // An aggregator is not the outlet of the articles it lists: the page names it.
            Outlet = entry.SourceName ?? (aggregator is null ? sourceName : null),
            OutletUrl = entry.SourceUrl,
            Aggregator = aggregator,
        };
    }

    /// <summary>The entry's title without the " - Outlet" an aggregator (Google News) appends.</summary>
    private static string? TitleOf(FeedEntry entry) =>
        entry.Title is { } title && entry.SourceName is { } source && title.EndsWith(" - " + source, StringComparison.Ordinal)
            ? title[..^(source.Length + 3)].TrimEnd()
            : entry.Title;
}
