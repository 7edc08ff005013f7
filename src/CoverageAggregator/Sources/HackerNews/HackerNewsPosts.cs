using System.Globalization;
using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.HackerNews;

/// <summary>
/// Algolia hit → <see cref="SocialPost"/> at https://news.ycombinator.com/item?id=&lt;objectID&gt;: a story is a discussion
/// titled by its title and linking its url, with its points and comment count as engagement; a comment is a post whose
/// text (HTML) may quote or name the essay, whose parent is its story. A comment does not inherit its story's link: sitting
/// under the essay's thread is not citing it (whether it discusses the essay is the thread rule's to say).
/// </summary>
internal static class HackerNewsPosts
{
    public const string Outlet = "Hacker News";

    public static string UrlOf(string id) => "https://news.ycombinator.com/item?id=" + id;

    public static SocialPost? From(HackerNewsWire.Hit hit)
    {
        if (hit.ObjectId is not { Length: > 0 } id || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var isComment = hit.Tags?.Contains("comment") == true || (hit.CommentText is not null && hit.Title is null);
        var (text, links, quotes) = SocialHtml.Read(isComment ? hit.CommentText : hit.StoryText);
        return new SocialPost
        {
            Url = UrlOf(id),
            Kind = isComment ? CoverageKinds.Post : CoverageKinds.Discussion,
            Outlet = Outlet,
            Author = hit.Author,
            Title = isComment ? null : hit.Title,
            Text = text,
            Links = isComment || hit.Url is null ? links : links.Prepend(hit.Url).ToList(),
            BlockQuotes = quotes,
            PublishedAt = hit.CreatedAtI is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : hit.CreatedAt,
            Engagement = isComment || (hit.Points is null && hit.NumComments is null) ? null : new Engagement(Replies: hit.NumComments, Points: hit.Points),
            Parent = isComment && hit.StoryId is { } story && story.ToString(CultureInfo.InvariantCulture) != id ? UrlOf(story.ToString(CultureInfo.InvariantCulture)) : null,
        };
    }
}
