using System.Text.RegularExpressions;
using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// t3 link → <see cref="SocialPost"/>: a discussion at https://www.reddit.com + permalink, titled by the thread. Its links
/// are the submitted URL, the URLs of a crosspost's parents (a crosspost's own url is only the parent's permalink) and the
/// URLs in the self text. A crosspost stays its own thread. A t1 comment is a post of its own, at its permalink, whose
/// parent is the comment or discussion it answers.
/// </summary>
internal static partial class RedditPosts
{
    public const string Outlet = "Reddit";
    private const string Site = "https://www.reddit.com";

    public static SocialPost? From(RedditWire.Link link)
    {
        if (link.Permalink is not { Length: > 1 } permalink || !permalink.StartsWith('/'))
        {
            return null;
        }

        var text = link.Selftext ?? "";
        var links = new[] { link.Url }
            .Concat((link.CrosspostParentList ?? []).Select(p => p.Url))
            .Concat(LinksIn(text))
            .OfType<string>()
            .Select(u => u.StartsWith('/') ? Site + u : u)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new SocialPost
        {
            Url = Site + permalink,
            AlsoAt = link.Id is { Length: > 0 } id ? [$"https://redd.it/{id}"] : [],
            Kind = CoverageKinds.Discussion,
            Outlet = Outlet,
            Author = link.Author is "[deleted]" ? null : link.Author,
            Title = link.Title,
            Text = text,
            Links = links,
            PublishedAt = Time(link.CreatedUtc),
            Engagement = new Engagement(Replies: link.NumComments, Points: link.Score),
        };
    }

    /// <summary>A comment of the discussion at <paramref name="discussionUrl"/>, answering <paramref name="parentUrl"/>.</summary>
    public static SocialPost? From(RedditWire.Comment comment, string discussionUrl, string parentUrl)
    {
        if (comment.Id is not { Length: > 0 } id || comment.Body is not { Length: > 0 } body || body is "[deleted]" or "[removed]")
        {
            return null;
        }

        return new SocialPost
        {
            Url = comment.Permalink is { Length: > 1 } permalink && permalink.StartsWith('/') ? Site + permalink : discussionUrl.TrimEnd('/') + "/" + id + "/",
            Kind = CoverageKinds.Post,
            Outlet = Outlet,
            Author = comment.Author is "[deleted]" ? null : comment.Author,
            Text = body,
            Links = LinksIn(body).Select(u => u.StartsWith('/') ? Site + u : u).Distinct(StringComparer.Ordinal).ToList(),
            PublishedAt = Time(comment.CreatedUtc),
            Engagement = new Engagement(Points: comment.Score),
            Parent = parentUrl,
        };
    }

    private static DateTimeOffset? Time(double? createdUtc) =>
        createdUtc is { } created ? DateTimeOffset.FromUnixTimeMilliseconds((long)(created * 1000)) : null;

    private static IEnumerable<string> LinksIn(string text) =>
        UrlInText().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?'));

    /// <summary>Bare and markdown-linked URLs in self text; a markdown link's closing parenthesis is not part of it.</summary>
    [GeneratedRegex(@"https?://[^\s()<>\[\]""]+")]
    private static partial Regex UrlInText();
}
