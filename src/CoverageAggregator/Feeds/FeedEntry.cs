namespace CoverageAggregator.Feeds;

/// <summary>One item of a feed, whatever its format, with absolute URLs.</summary>
public sealed record FeedEntry
{
    /// <summary>Stable identity within the feed: see <see cref="EntryIdentity"/>.</summary>
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    /// <summary>The fullest text the feed gives (content:encoded, Atom content, JSON content), else the summary.</summary>
    public string? ContentHtml { get; init; }
    public string? SummaryHtml { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Base URL for relative links inside the content (xml:base, else the item link, else the feed URL).</summary>
    public Uri? ContentBase { get; init; }

    /// <summary>The RSS &lt;source&gt; element: the outlet an aggregator (Google News) credits.</summary>
    public string? SourceName { get; init; }
    public string? SourceUrl { get; init; }
}

public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedEntry> Entries, IReadOnlyList<string> Warnings);

public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
