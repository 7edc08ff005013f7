using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.X;

/// <summary>
/// X through the v2 recent search (/2/tweets/search/recent) with the app's bearer token: url:"…" for each essay URL and
/// the phrases naming the essay, packed into as few queries as the 512-character limit allows, retweets left out, followed
/// through next_token. Without a bearer token the source fails with a message saying so.
/// </summary>
public sealed class XCollector(Fetcher fetcher, PageResolver pages) : ISourceCollector
{
    private const string PublicApi = "https://api.x.com";
    private const int MaxQueryLength = 512;
    private const string Suffix = " -is:retweet";
    private const int MaxPages = 5;
    private readonly SocialJudge _judge = new(pages);

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

        var baseUrl = context.Source.BaseUrl(PublicApi);
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token.Trim() };
        var harvest = new SocialHarvest();
        foreach (var query in Queries(context).TakeWhile(_ => !harvest.Halted))
        {
            await SearchAsync(baseUrl, query, headers, harvest, cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
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

    private async Task SearchAsync(string baseUrl, string query, IReadOnlyDictionary<string, string> headers, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? next = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Build(baseUrl, "/2/tweets/search/recent",
                ("query", query), ("max_results", "100"), ("expansions", "author_id"),
                ("tweet.fields", "created_at,entities,lang,author_id"), ("user.fields", "username,name"), ("next_token", next));
            var response = await SocialApi.GetJsonAsync<XWire.SearchResult>(fetcher, XPosts.Outlet, url, headers, XWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response))
            {
                return;
            }

            var result = response.Value!;
            var usernames = (result.Includes?.Users ?? [])
                .Where(u => u.Id is not null && u.Username is not null)
                .DistinctBy(u => u.Id)
                .ToDictionary(u => u.Id!, u => u.Username!, StringComparer.Ordinal);
            var added = harvest.Add((result.Data ?? []).Select(t => XPosts.From(t, usernames)).OfType<SocialPost>(), loop);
            next = result.Meta?.NextToken;
            if (added == 0 || string.IsNullOrEmpty(next))
            {
                return;
            }
        }
    }
}
