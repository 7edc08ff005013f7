namespace CoverageAggregator.Configuration.Discovery;

/// <summary>The search feeds that find coverage of an essay by its keywords: Google News search RSS and hnrss.</summary>
public static class SearchFeeds
{
    /// <summary>Google News search RSS for any of the phrases (each quoted), in US English.</summary>
    public static FeedConfig GoogleNews(IReadOnlyList<string> phrases) => new()
    {
        Name = "Google News: " + phrases[0],
        Url = "https://news.google.com/rss/search?q=" + Uri.EscapeDataString(Query(phrases)) + "&hl=en-US&gl=US&ceid=US:en",
    };

    /// <summary>Hacker News stories and comments naming the first phrase, through hnrss.org (Algolia search as RSS).</summary>
    public static FeedConfig HackerNews(IReadOnlyList<string> phrases) => new()
    {
        Name = "Hacker News: " + phrases[0],
        Url = "https://hnrss.org/newest?q=" + Uri.EscapeDataString(Quote(phrases[0])),
    };

    private static string Query(IEnumerable<string> phrases) => string.Join(" OR ", phrases.Select(Quote));

    private static string Quote(string phrase) => "\"" + phrase.Replace("\"", "", StringComparison.Ordinal) + "\"";
}
