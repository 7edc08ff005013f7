using System.Globalization;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.X;

/// <summary>One run's searches: the posts, what they cost, where each query resumes, and who wrote what.</summary>
internal sealed class XSearch(
    Fetcher fetcher, string baseUrl, IReadOnlyDictionary<string, string> headers, XCursor cursor, DateTimeOffset start, DateTimeOffset now, SocialHarvest harvest)
{
    private const int MaxPages = 5;
    private const string TweetFields = "created_at,entities,lang,author_id,note_tweet,public_metrics,referenced_tweets,conversation_id";
    private const string Expansions = "author_id,referenced_tweets.id,referenced_tweets.id.author_id";

    public SocialHarvest Harvest => harvest;

    public XCursor Cursor => cursor;

    /// <summary>Posts X returned (searched for and expanded): what it bills.</summary>
    public int PostsRead { get; private set; }

    /// <summary>Post URL → its author's username and display name.</summary>
    public Dictionary<string, (string Username, string? Name)> Authors { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads one query to its end (or the page cap). Its newest id is kept only when every page was read, so a failed
    /// run is read again rather than skipped. Posts of a conversation belong to its announcement's thread.
    /// </summary>
    public async Task RunAsync(string query, (string Id, string Url)? conversation, CancellationToken cancellationToken)
    {
        var sinceId = cursor.SinceId(query, now);
        string? newest = null;
        string? next = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Build(baseUrl, "/2/tweets/search/recent",
                ("query", query), ("max_results", "100"), ("since_id", sinceId),
                ("start_time", sinceId is null ? start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : null),
                ("expansions", Expansions), ("tweet.fields", TweetFields), ("user.fields", "username,name"), ("next_token", next));
            var response = await SocialApi.GetJsonAsync<XWire.SearchResult>(fetcher, XPosts.Outlet, url, headers, XWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response))
            {
                return;
            }

            PostsRead += (response.Value!.Data?.Count ?? 0) + (response.Value.Includes?.Tweets?.Count ?? 0);
            var result = conversation is { } c ? InConversation(response.Value, c.Id) : response.Value;
            newest ??= result.Meta?.NewestId;
            Remember(result);
            var posts = XPosts.Of(result);
            var added = harvest.Add(conversation is { } root ? posts.Select(p => p.Url == root.Url ? p : p with { Parent = root.Url }) : posts, loop);
            next = result.Meta?.NextToken;
            if (added == 0 || string.IsNullOrEmpty(next))
            {
                cursor.Advance(query, newest);
                return;
            }
        }

        harvest.Warn($"X query {query} has more than {MaxPages * 100} new posts; the older ones were not read");
        cursor.Advance(query, newest);
    }

    /// <summary>
    /// Reads announcements this run's searches did not return (found in an earlier run, older than since_id) by id
    /// (GET /2/tweets): their replies need them in the run to be judged in their thread, and their metrics are refreshed.
    /// </summary>
    public async Task LookupAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var url = ApiUrl.Build(baseUrl, "/2/tweets",
            ("ids", string.Join(',', ids)), ("expansions", Expansions), ("tweet.fields", TweetFields), ("user.fields", "username,name"));
        var response = await SocialApi.GetJsonAsync<XWire.SearchResult>(fetcher, XPosts.Outlet, url, headers, XWire.Json, cancellationToken).ConfigureAwait(false);
        if (harvest.Accept(response))
        {
            PostsRead += (response.Value!.Data?.Count ?? 0) + (response.Value.Includes?.Tweets?.Count ?? 0);
            Remember(response.Value);
            harvest.Add(XPosts.Of(response.Value), new HashSet<string>(StringComparer.Ordinal));
        }
    }

    private void Remember(XWire.SearchResult result)
    {
        var users = (result.Includes?.Users ?? []).Where(u => u.Id is not null && u.Username is not null).DistinctBy(u => u.Id).ToDictionary(u => u.Id!, StringComparer.Ordinal);
        foreach (var tweet in (result.Data ?? []).Concat(result.Includes?.Tweets ?? []))
        {
            if (tweet.Id is { } id && tweet.AuthorId is { } authorId && users.TryGetValue(authorId, out var user))
            {
                Authors[XPosts.UrlOf(id, user.Username)] = (user.Username!, user.Name);
            }
        }
    }

    /// <summary>Only the posts of the conversation asked for (a proxy or cache that ignores the query must not put others in it).</summary>
    private static XWire.SearchResult InConversation(XWire.SearchResult result, string rootId) => result with
    {
        Data = result.Data?.Where(t => t.ConversationId == rootId).ToList(),
        Includes = result.Includes is null ? null : result.Includes with { Tweets = result.Includes.Tweets?.Where(t => t.ConversationId == rootId || t.Id == rootId).ToList() },
    };
}
