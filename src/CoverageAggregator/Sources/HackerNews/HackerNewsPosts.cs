using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.HackerNews;

/// <summary>
/// Algolia hit → <see cref="SocialPost"/> at https://news.ycombinator.com/item?id=&lt;objectID&gt;: a story is a discussion
/// titled by its title and linking its url; a comment is a post whose text (HTML) may quote or name the essay. A comment
/// does not inherit its story's link: sitting under the essay's thread is not citing it.
/// </summary>
internal static class HackerNewsPosts
{
    public const string Outlet = "Hacker News";

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
            Url = "https://news.ycombinator.com/item?id=" + id,
            Kind = isComment ? CoverageKinds.Post : CoverageKinds.Discussion,
            Outlet = Outlet,
            Author = hit.Author,
            Title = isComment ? null : hit.Title,
            Text = text,
            Links = isComment || hit.Url is null ? links : links.Prepend(hit.Url).ToList(),
            BlockQuotes = quotes,
            PublishedAt = hit.CreatedAtI is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : hit.CreatedAt,
        };
    }
}
