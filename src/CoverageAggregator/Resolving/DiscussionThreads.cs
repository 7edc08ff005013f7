using System.Globalization;
using System.Text.RegularExpressions;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Resolving;

/// <summary>
/// Forum threads that aggregator feeds point to beside the story they list: a Hacker News item (hnrss's "Comments URL"
/// and &lt;comments&gt;), a Reddit submission's comments (a subreddit feed's "[comments]"), a Lobsters story. Such an entry
/// is discovery: the story it links is judged as usual, and its thread is a discussion of that story, or of the essay
/// itself when the story is the essay.
/// </summary>
public static partial class DiscussionThreads
{
    /// <summary>Longer entry text is an article of its own, whose links to forums are its content, not its comments.</summary>
    private const int MaxBlurb = 1500;

    /// <summary>
    /// The thread an aggregator's entry names as its comments: the first forum thread among <paramref name="links"/>
    /// when the entry's text is a short blurb that speaks of comments ("Comments URL", "[comments]", "Comments");
    /// null for any other entry.
    /// </summary>
    public static (string Url, string Forum)? FindInBlurb(IEnumerable<string?> links, string text) =>
        text.Length <= MaxBlurb && text.Contains("comments", StringComparison.OrdinalIgnoreCase) ? Find(links) : null;

    /// <summary>The first thread among <paramref name="links"/>, with the forum's name; null when there is none.</summary>
    public static (string Url, string Forum)? Find(IEnumerable<string?> links)
    {
        foreach (var link in links)
        {
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri))
            {
                continue;
            }

            var host = uri.Host.ToLowerInvariant();
            if (host == "news.ycombinator.com" && uri.AbsolutePath == "/item" && HackerNewsId().Match(uri.Query) is { Success: true } id)
            {
                return ("https://news.ycombinator.com/item?id=" + id.Groups[1].Value, "Hacker News");
            }

            if (host is "reddit.com" or "www.reddit.com" or "old.reddit.com" && RedditComments().Match(uri.AbsolutePath) is { Success: true } thread)
            {
                return ("https://www.reddit.com" + thread.Value.TrimEnd('/') + "/", "Reddit");
            }

            if (host == "lobste.rs" && LobstersStory().Match(uri.AbsolutePath) is { Success: true } story)
            {
                return ("https://lobste.rs" + story.Value, "Lobsters");
            }
        }

        return null;
    }

    /// <summary>The points and comment count an hnrss entry states ("Points: 412", "# Comments: 98"); null when it states neither.</summary>
    public static Engagement? StatedCounts(string text)
    {
        var points = Count(PointsLine().Match(text));
        var comments = Count(CommentsLine().Match(text));
        return points is null && comments is null ? null : new Engagement(Replies: comments, Points: points);
    }

    private static int? Count(Match match) =>
        match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"(?:^\?|&)id=(\d+)(?:&|$)")]
    private static partial Regex HackerNewsId();

    [GeneratedRegex(@"^/r/[^/]+/comments/[a-z0-9]+(?:/[^/]*)?/?", RegexOptions.IgnoreCase)]
    private static partial Regex RedditComments();

    [GeneratedRegex(@"^/s/[a-z0-9]+", RegexOptions.IgnoreCase)]
    private static partial Regex LobstersStory();

    [GeneratedRegex(@"\bPoints:\s*(\d+)")]
    private static partial Regex PointsLine();

    [GeneratedRegex(@"#\s*Comments:\s*(\d+)")]
    private static partial Regex CommentsLine();
}
