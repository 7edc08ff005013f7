namespace CoverageAggregator.Resolving;

/// <summary>What an article page says about itself, read once from its HTML.</summary>
public sealed record ArticlePage
{
    public required Uri Url { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? OgUrl { get; init; }

    /// <summary>The original of a syndicated copy, as the copy declares it (meta syndication-source or original-source).</summary>
    public string? SyndicationSource { get; init; }
    public string? SiteName { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Language { get; init; }

    /// <summary>The titles the page gives itself besides <see cref="Title"/> (metadata, translations): an essay is named by these too.</summary>
    public IReadOnlyList<string> OtherTitles { get; init; } = [];

    /// <summary>The main text, one paragraph (block) a line, boilerplate (nav, header, footer, asides, captions) left out.</summary>
    public string MainText { get; init; } = "";

    /// <summary>Absolute http(s) links found in the main text only.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>Text of blockquote elements in the main text.</summary>
    public IReadOnlyList<string> BlockQuotes { get; init; } = [];

    /// <summary>The page's rel=next (&lt;link&gt; or &lt;a&gt;), absolute: the next page of a paginated article, or of something else (<see cref="PaginatedArticles"/> tells).</summary>
    public string? NextPage { get; init; }

    /// <summary>False for a page its <see cref="PageScan"/> found nothing in: it was not parsed (only <see cref="Url"/> is set) and cites no essay.</summary>
    public bool MayCite { get; init; } = true;

    /// <summary>A page fetched but not parsed, since the scan found nothing it could cite by.</summary>
    public static ArticlePage NotCiting(Uri url) => new() { Url = url, MayCite = false };
}
