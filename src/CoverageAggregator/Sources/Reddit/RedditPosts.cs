using System.Text.RegularExpressions;
using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// t3 link → <see cref="SocialPost"/>: a discussion at https://www.reddit.com + permalink, titled by the thread. Its links
/// are the submitted URL, the URLs of a crosspost's parents (a crosspost's own url is only the parent's permalink) and the
/// URLs in the self text. A crosspost stays its own thread.
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
            .Concat(UrlInText().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?')))
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
            PublishedAt = link.CreatedUtc is { } created ? DateTimeOffset.FromUnixTimeMilliseconds((long)(created * 1000)) : null,
        };
    }

    /// <summary>Bare and markdown-linked URLs in self text; a markdown link's closing parenthesis is not part of it.</summary>
    [GeneratedRegex(@"https?://[^\s()<>\[\]""]+")]
    private static partial Regex UrlInText();
}
