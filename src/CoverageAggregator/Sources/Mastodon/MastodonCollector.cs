using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Mastodon;

/// <summary>
/// One Mastodon instance ("baseUrl"; several instances are several sources): /api/v2/search (type=statuses) for each
/// essay URL and naming phrase, the hashtag timelines /api/v1/timelines/tag/&lt;tag&gt; (tags from the config's "tags", else
/// derived from the phrases; a tag the instance does not have answers 404 and is passed over) read back to the essay's
/// date, then the thread (/api/v1/statuses/:id/context) and quotes (/api/v1/statuses/:id/quotes, Mastodon 4.5) of the
/// statuses that cite an essay. Instances return statuses from search only to a signed-in account: without an
/// "accessToken" (or bearerToken) the search is skipped and the health says what to set.
/// </summary>
public sealed class MastodonCollector(Fetcher fetcher, CoverageJudge judge) : ISourceCollector
{
    private const int MaxTimelinePages = 3;
    private const int MaxThreads = 25;
    private readonly SocialJudge _judge = new(judge);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Mastodon;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Source.Url))
        {
            return new SourceRun { Outcome = FetchOutcome.Failed, Error = "Mastodon needs the baseUrl of the instance to search (there is no central Mastodon API)" };
        }

        var bearer = context.Source.Social?.BearerToken;
        var token = context.Source.Social?.Text("accessToken") ?? (string.IsNullOrWhiteSpace(bearer) ? null : bearer.Trim());
        var instance = new Instance(context.Source.Url.TrimEnd('/'), token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
        var harvest = new SocialHarvest();
        if (token is null)
        {
            harvest.Warn($"Mastodon search returns statuses only to a signed-in account, so {instance.BaseUrl} was not searched: set {Credentials.For(MastodonPosts.Outlet)}");
        }
        else
        {
            var queries = context.Essays.SelectMany(e => SearchTerms.Urls(e.Essay).Concat(SearchTerms.Phrases(e.Essay))).Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var query in queries.TakeWhile(_ => !harvest.Halted))
            {
                var url = ApiUrl.Build(instance.BaseUrl, "/api/v2/search", ("q", query), ("type", "statuses"), ("resolve", "false"), ("limit", "40"));
                var response = await GetAsync<MastodonWire.Search>(instance, url, cancellationToken).ConfigureAwait(false);
                if (harvest.Accept(response))
                {
                    harvest.Add(instance.Posts(response.Value!.Statuses, url, harvest), new HashSet<string>(StringComparer.Ordinal));
                }
            }
        }

        var configured = context.Source.Social?.List("tags") ?? [];
        var tags = (configured.Count > 0 ? configured : context.Essays.SelectMany(e => SearchTerms.Tags(e.Essay)))
            .Select(t => t.TrimStart('#')).Distinct(StringComparer.OrdinalIgnoreCase);
        var since = context.Essays.Select(e => e.Essay.PublishedAt).Min() - TimeSpan.FromDays(1);
        foreach (var tag in tags.TakeWhile(_ => !harvest.Halted))
        {
            await ReadTimelineAsync(instance, tag, since, harvest, cancellationToken).ConfigureAwait(false);
        }

        if (!harvest.Halted)
        {
            var citing = await _judge.CitingAsync(context, harvest.Posts, cancellationToken).ConfigureAwait(false);
            await ReadThreadsAsync(instance, citing, harvest, cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadTimelineAsync(Instance instance, string tag, DateTimeOffset? since, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? maxId = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxTimelinePages; page++)
        {
            var url = ApiUrl.Build(instance.BaseUrl, "/api/v1/timelines/tag/" + Uri.EscapeDataString(tag), ("limit", "40"), ("max_id", maxId));
            var response = await GetAsync<List<JsonElement>>(instance, url, cancellationToken).ConfigureAwait(false);
            if (response.Fetch.StatusCode == 404 || !harvest.Accept(response) || response.Value!.Count == 0)
            {
                return;
            }

            var statuses = WireItems.Read<MastodonWire.Status>(response.Value, MastodonWire.Json, out _);
            var added = harvest.Add(instance.Posts(response.Value, url, harvest), loop);
            maxId = statuses.LastOrDefault()?.Id;
            if (added == 0 || maxId is null || (since is { } s && statuses[^1].CreatedAt < s))
            {
                return;
            }
        }
    }

    /// <summary>The replies below each citing status (its context's descendants) and the statuses that quote it.</summary>
    private async Task ReadThreadsAsync(Instance instance, IEnumerable<SocialPost> citing, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        foreach (var id in citing.Select(p => instance.IdOf(p.Url)).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxThreads).ToList())
        {
            if (harvest.Halted)
            {
                return;
            }

            var contextUrl = ApiUrl.Build(instance.BaseUrl, $"/api/v1/statuses/{Uri.EscapeDataString(id)}/context");
            var thread = await GetAsync<MastodonWire.Context>(instance, contextUrl, cancellationToken).ConfigureAwait(false);
            if (harvest.Accept(thread))
            {
                instance.Posts(thread.Value!.Ancestors, contextUrl, harvest);
                harvest.Add(instance.Posts(thread.Value.Descendants, contextUrl, harvest), new HashSet<string>(StringComparer.Ordinal));
            }

            if (instance.Headers is null)
            {
                continue;
            }

            var quotesUrl = ApiUrl.Build(instance.BaseUrl, $"/api/v1/statuses/{Uri.EscapeDataString(id)}/quotes", ("limit", "40"));
            var quotes = await GetAsync<List<JsonElement>>(instance, quotesUrl, cancellationToken).ConfigureAwait(false);
            if (quotes.Fetch.StatusCode != 404 && harvest.Accept(quotes))
            {
                harvest.Add(instance.Posts(quotes.Value, quotesUrl, harvest), new HashSet<string>(StringComparer.Ordinal));
            }
        }
    }

    private Task<ApiResponse<T>> GetAsync<T>(Instance instance, Uri url, CancellationToken cancellationToken)
        where T : class =>
        SocialApi.GetJsonAsync<T>(fetcher, MastodonPosts.Outlet, url, instance.Headers, MastodonWire.Json, cancellationToken);

    /// <summary>One instance in one run: its address, the token's header, and the local id of every status met (threads are asked for by id).</summary>
    private sealed class Instance(string baseUrl, IReadOnlyDictionary<string, string>? headers)
    {
        private readonly Dictionary<string, string> _idByUrl = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _urlById = new(StringComparer.Ordinal);

        public string BaseUrl => baseUrl;

        public IReadOnlyDictionary<string, string>? Headers => headers;

        public string? IdOf(string url) => _idByUrl.GetValueOrDefault(url);

        /// <summary>The statuses of a page as posts, each read on its own; their local ids are remembered.</summary>
        public List<SocialPost> Posts(IEnumerable<JsonElement>? statuses, Uri url, SocialHarvest harvest)
        {
            var read = WireItems.Read<MastodonWire.Status>(statuses, MastodonWire.Json, out var malformed);
            if (WireItems.Skipped(MastodonPosts.Outlet, url.AbsolutePath, malformed) is { } warning)
            {
                harvest.Warn(warning);
            }

            var posts = new List<SocialPost>();
            foreach (var status in read)
            {
                if (MastodonPosts.From(status, baseUrl, _urlById.GetValueOrDefault) is not { } post)
                {
                    continue;
                }

                if ((status.Reblog ?? status).Id is { } id)
                {
                    _idByUrl.TryAdd(post.Url, id);
                    _urlById.TryAdd(id, post.Url);
                }

                posts.Add(post);
            }

            return posts;
        }
    }
}
