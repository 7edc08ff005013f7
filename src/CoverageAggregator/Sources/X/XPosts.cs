using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.X;

/// <summary>
/// Tweet → <see cref="SocialPost"/> at https://x.com/&lt;username&gt;/status/&lt;id&gt; (the author from includes.users); links
/// are the expanded (or unwound) URLs behind the t.co links, a bare t.co link only when X gave no expansion.
/// </summary>
internal static class XPosts
{
    public const string Outlet = "X";

    public static SocialPost? From(XWire.Tweet tweet, IReadOnlyDictionary<string, string> usernames)
    {
        if (tweet.Id is not { Length: > 0 } id || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var username = tweet.AuthorId is { } authorId && usernames.TryGetValue(authorId, out var name) ? name : null;
        var links = (tweet.Entities?.Urls ?? [])
            .SelectMany(u => u.ExpandedUrl is null && u.UnwoundUrl is null ? [u.Url] : new[] { u.UnwoundUrl, u.ExpandedUrl })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new SocialPost
        {
            Url = username is null ? $"https://x.com/i/web/status/{id}" : $"https://x.com/{username}/status/{id}",
            AlsoAt = username is null ? [] : [$"https://x.com/i/web/status/{id}"],
            Kind = CoverageKinds.Post,
            Outlet = Outlet,
            Author = username,
            Text = tweet.Text ?? "",
            Links = links,
            PublishedAt = tweet.CreatedAt,
            Language = tweet.Lang,
        };
    }
}
