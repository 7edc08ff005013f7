using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.X;

/// <summary>
/// X through the v2 recent search (/2/tweets/search/recent) with the app's bearer token: url:"…" for each essay URL and
/// the phrases naming the essay, packed into as few queries as the 512-character limit allows, retweets left out, followed
/// through next_token. Each query resumes after the newest post it read (since_id, kept in the source state), else from
/// the essay's publication (start_time): X bills every post a search returns, so a run reads only what is new. Posts come
/// with their long-form body, the posts they quote or answer, their conversation and their public metrics. The essay
/// author's announcement (a post linking the essay, by the essay's author or an account named in authorHandles) has its
/// conversation followed (conversation_id:…), so replies that discuss the essay without linking it are found too.
/// Without a bearer token the source fails with a message saying so.
/// </summary>
public sealed class XCollector(Fetcher fetcher, CoverageJudge judge) : ISourceCollector
{
    private const string PublicApi = "https://api.x.com";
    private const int MaxQueryLength = 512;
    private const string Suffix = " -is:retweet";
    private const int MaxConversations = 5;
    private readonly SocialJudge _judge = new(judge);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.X;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        if (context.Source.Social?.BearerToken is not { Length: > 0 } token || string.IsNullOrWhiteSpace(token))
        {
            return new SourceRun
            {
                Outcome = FetchOutcome.Failed,
                Error = "X needs a bearerToken in its social source config (the v2 recent search API accepts only authenticated apps); skipped",
            };
        }

        var search = new XSearch(
            fetcher, context.Source.BaseUrl(PublicApi), new Dictionary<string, string> { ["Authorization"] = "Bearer " + token.Trim() },
            XCursor.Read(context.State.Cursor), StartTime(context), context.Now, new SocialHarvest());
        var queries = Queries(context);
        foreach (var query in queries.TakeWhile(_ => !search.Harvest.Halted))
        {
            await search.RunAsync(query, conversation: null, cancellationToken).ConfigureAwait(false);
        }

        var conversations = await ConversationsAsync(context, search, cancellationToken).ConfigureAwait(false);
        var absent = conversations.Where(c => !search.Harvest.Posts.Any(p => p.Url == c.Value || p.AlsoAt.Contains(c.Value))).Select(c => c.Key).ToList();
        if (absent.Count > 0 && !search.Harvest.Halted)
        {
            await search.LookupAsync(absent, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, url) in conversations.TakeWhile(_ => !search.Harvest.Halted))
        {
            await search.RunAsync(ConversationQuery(id), (id, url), cancellationToken).ConfigureAwait(false);
        }

        var run = await search.Harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
        return run with
        {
            PostsRead = search.PostsRead,
            Cursor = search.Cursor.Write(queries.Concat(conversations.Select(c => ConversationQuery(c.Key))), context.Now),
        };
    }

    /// <summary>The search terms OR-ed together, split where a query would pass X's length limit.</summary>
    internal static IReadOnlyList<string> Queries(SourceContext context)
    {
        var terms = context.Essays
            .SelectMany(e => SearchTerms.BareUrls(e.Essay).Select(u => $"url:\"{u}\"").Concat(SearchTerms.Phrases(e.Essay).Select(p => $"\"{p}\"")))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var queries = new List<List<string>>();
        foreach (var term in terms)
        {
            if (queries.Count == 0 || Join(queries[^1].Append(term)).Length > MaxQueryLength)
            {
                queries.Add([]);
            }

            queries[^1].Add(term);
        }

        return queries.Select(Join).ToList();
    }

    private static string Join(IEnumerable<string> terms)
    {
        var list = terms.ToList();
        return (list.Count == 1 ? list[0] : "(" + string.Join(" OR ", list) + ")") + Suffix;
    }

    private static string ConversationQuery(string postId) => "conversation_id:" + postId + Suffix;

    /// <summary>No post before the earliest essay, and none the recent search cannot reach (it answers 400 to an older start).</summary>
    internal static DateTimeOffset StartTime(SourceContext context)
    {
        var reach = context.Now - XCursor.Window;
        var published = context.Essays.Select(e => e.Essay.PublishedAt).Min();
        return published is { } p && p > reach ? p : reach;
    }

    /// <summary>
    /// The conversations to follow: those of announcements found before, and of the essay author's posts this run found
    /// citing an essay by link (judged here once more; the final judgement below includes the replies).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> ConversationsAsync(SourceContext context, XSearch search, CancellationToken cancellationToken)
    {
        if (!search.Harvest.Halted)
        {
            var handles = context.Source.Social?.List("authorHandles") ?? [];
            var found = await _judge.JudgeAsync(context, search.Harvest.Posts.Where(p => p.Parent is null), cancellationToken).ConfigureAwait(false);
            foreach (var item in found.Where(i => i.CitesBy == CitesBy.Link))
            {
                var essay = context.Essays.First(e => e.Essay.Id == item.EssayId).Essay;
                if (search.Authors.TryGetValue(item.Url, out var author) && IsEssayAuthor(author, essay.Author, handles) && IdOf(item.Url) is { } id)
                {
                    search.Cursor.Follow(id, item.Url);
                }
            }
        }

        return search.Cursor.Conversations.OrderByDescending(c => c.Key.Length).ThenByDescending(c => c.Key, StringComparer.Ordinal)
            .Take(MaxConversations).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private static bool IsEssayAuthor((string Username, string? Name) author, string? essayAuthor, IReadOnlyList<string> handles) =>
        handles.Any(h => string.Equals(h.TrimStart('@'), author.Username, StringComparison.OrdinalIgnoreCase))
        || (essayAuthor is { Length: > 0 } && string.Equals(author.Name?.Trim(), essayAuthor.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? IdOf(string url) => url[(url.LastIndexOf('/') + 1)..] is { Length: > 0 } id && id.All(char.IsAsciiDigit) ? id : null;
}
