using System.Globalization;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Publishing;

/// <summary>
/// Engagement in words, per kind ("12 likes · 3 reposts · 4 replies"): counts the platform did not report, or reported
/// as zero, are left out. A discussion's replies are its comments.
/// </summary>
internal static class EngagementText
{
    public static string? Of(Engagement? engagement, string kind = CoverageKinds.Post) =>
        Parts(engagement, kind) is { Count: > 0 } parts ? string.Join(" · ", parts) : null;

    /// <summary>The same, encoded for HTML (the separator stays a literal middle dot).</summary>
    public static string? Html(Engagement? engagement, string kind = CoverageKinds.Post) =>
        Parts(engagement, kind) is { Count: > 0 } parts ? string.Join(" · ", parts.Select(Publishing.Html.Text)) : null;

    private static List<string> Parts(Engagement? engagement, string kind)
    {
        var parts = new List<string>();
        if (engagement is null)
        {
            return parts;
        }

        Add(parts, engagement.Likes, "like", "likes");
        Add(parts, engagement.Reposts, "repost", "reposts");
        Add(parts, engagement.Replies, kind == CoverageKinds.Discussion ? "comment" : "reply", kind == CoverageKinds.Discussion ? "comments" : "replies");
        Add(parts, engagement.Quotes, "quote", "quotes");
        Add(parts, engagement.Points, "point", "points");
        return parts;
    }

    private static void Add(List<string> parts, int? count, string one, string many)
    {
        if (count is { } n && n > 0)
        {
            parts.Add(n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many));
        }
    }
}
