using System.Text.Json;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// The comments of the submissions that cite an essay (/comments/&lt;id&gt;.json: the submission's Listing, then its
/// comments, replies nested): each becomes a post whose parent is the comment or discussion it answers, for the thread
/// rule to judge (<see cref="ThreadJudge"/>). "more" stubs are not followed.
/// </summary>
internal sealed class RedditComments(RedditApi api)
{
    /// <summary>Discussions whose comments are read per run at most, newest first.</summary>
    private const int MaxDiscussions = 20;

    public async Task ReadAsync(IEnumerable<SocialPost> citing, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        var discussions = citing.Where(p => p.AlsoAt.Any(u => u.StartsWith("https://redd.it/", StringComparison.Ordinal))).Take(MaxDiscussions).ToList();
        foreach (var discussion in discussions.TakeWhile(_ => !harvest.Halted))
        {
            var id = discussion.AlsoAt.First(u => u.StartsWith("https://redd.it/", StringComparison.Ordinal))["https://redd.it/".Length..];
            var path = $"/comments/{id}.json";
            var response = await api.GetAsync<List<RedditWire.Listing>>(path, [("raw_json", "1"), ("limit", "200"), ("depth", "8"), ("sort", "top")], cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response) || response.Value is not [_, var comments, ..])
            {
                continue;
            }

            var posts = new List<SocialPost>();
            Collect(comments, discussion.Url, discussion.Url, path, posts, harvest);
            harvest.Add(posts, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    private static void Collect(RedditWire.Listing listing, string discussionUrl, string parentUrl, string path, List<SocialPost> posts, SocialHarvest harvest)
    {
        foreach (var comment in RedditApi.Things<RedditWire.Comment>(listing, "t1", path, harvest))
        {
            var post = RedditPosts.From(comment, discussionUrl, parentUrl);
            if (post is not null)
            {
                posts.Add(post);
            }

            if (comment.Replies is { ValueKind: JsonValueKind.Object } replies
                && WireItems.Read<RedditWire.Listing>([replies], RedditWire.Json, out _) is [var nested])
            {
                Collect(nested, discussionUrl, post?.Url ?? parentUrl, path, posts, harvest);
            }
        }
    }
}
