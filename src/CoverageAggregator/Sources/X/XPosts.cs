using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.X;

/// <summary>
/// Tweet → <see cref="SocialPost"/> at https://x.com/&lt;username&gt;/status/&lt;id&gt; (the author from includes.users). The
/// text is the long-form body (note_tweet) when the post has one; links are the expanded (or unwound) URLs behind the t.co
/// links of both bodies, a bare t.co link only when X gave no expansion. A quote-post carries the links of the post it
/// quotes (the quoted post is embedded in it, as a card would be) and names it as its parent; a reply names the post it
/// answers. public_metrics become the engagement.
/// </summary>
internal static class XPosts
{
    public const string Outlet = "X";

    /// <summary>The posts of one response page: what was searched for, then the posts they quote or answer (includes.tweets).</summary>
    public static IEnumerable<SocialPost> Of(XWire.SearchResult result)
    {
        var page = new Page(result);
        return (result.Data ?? []).Concat(result.Includes?.Tweets ?? []).Select(page.Post).OfType<SocialPost>();
    }

    /// <summary>The URL of a post by id, with its author's name when the page has it.</summary>
    public static string UrlOf(string id, string? username) =>
        username is null ? $"https://x.com/i/web/status/{id}" : $"https://x.com/{username}/status/{id}";

    /// <summary>The users and referenced posts of one page, by id.</summary>
    private sealed class Page(XWire.SearchResult result)
    {
        private readonly Dictionary<string, string> _usernames = (result.Includes?.Users ?? [])
            .Where(u => u.Id is not null && u.Username is not null)
            .DistinctBy(u => u.Id)
            .ToDictionary(u => u.Id!, u => u.Username!, StringComparer.Ordinal);

        private readonly Dictionary<string, XWire.Tweet> _referenced = (result.Includes?.Tweets ?? [])
            .Where(t => t.Id is not null)
            .DistinctBy(t => t.Id)
            .ToDictionary(t => t.Id!, StringComparer.Ordinal);

        public SocialPost? Post(XWire.Tweet tweet)
        {
            if (!IsId(tweet.Id))
            {
                return null;
            }

            var id = tweet.Id!;
            var username = Username(tweet);
            var references = (tweet.ReferencedTweets ?? []).Where(r => IsId(r.Id)).ToList();
            var quoted = references.FirstOrDefault(r => r.Type == "quoted");
            var parent = quoted ?? references.FirstOrDefault(r => r.Type == "replied_to");
            var quotedLinks = quoted is not null && _referenced.TryGetValue(quoted.Id!, out var original) ? LinksOf(original) : [];
            return new SocialPost
            {
                Url = UrlOf(id, username),
                AlsoAt = username is null ? [] : [UrlOf(id, null)],
                Kind = CoverageKinds.Post,
                Outlet = Outlet,
                Author = username,
                Text = tweet.NoteTweet?.Text is { Length: > 0 } note ? note : tweet.Text ?? "",
                Links = LinksOf(tweet).Concat(quotedLinks).Distinct(StringComparer.Ordinal).ToList(),
                PublishedAt = tweet.CreatedAt,
                Language = tweet.Lang,
                Engagement = EngagementOf(tweet.PublicMetrics),
                Parent = parent is null ? null : UrlOf(parent.Id!, _referenced.TryGetValue(parent.Id!, out var p) ? Username(p) : null),
            };
        }

        private string? Username(XWire.Tweet tweet) =>
            tweet.AuthorId is { } authorId && _usernames.TryGetValue(authorId, out var name) ? name : null;
    }

    private static bool IsId(string? id) => id is { Length: > 0 } && id.All(char.IsAsciiDigit);

    private static List<string> LinksOf(XWire.Tweet tweet) =>
        (tweet.Entities?.Urls ?? []).Concat(tweet.NoteTweet?.Entities?.Urls ?? [])
            .SelectMany(u => u.ExpandedUrl is null && u.UnwoundUrl is null ? [u.Url] : new[] { u.UnwoundUrl, u.ExpandedUrl })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static Engagement? EngagementOf(XWire.PublicMetrics? metrics) => metrics is null
        ? null
        : new Engagement(Likes: metrics.LikeCount, Reposts: metrics.RetweetCount, Replies: metrics.ReplyCount, Quotes: metrics.QuoteCount);
}
