using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;

namespace CoverageAggregator.Publishing;

/// <summary>
/// Admin handlers: collect now, add or remove an essay. The Functions app guards them with AuthorizationLevel.Function,
/// the CLI host with the X-Api-Key header (<see cref="AdminOptions"/>).
/// </summary>
public sealed class AdminEndpoints(SourceQueue queue, ConfigProvider configs, AdminEssayStore essays, CoverageSnapshots snapshots, PublicUrlProbe probe)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where an operator watches a collection the admin route started: each source's health, as JSON and as a page.</summary>
    public const string WatchJson = "/api/sources";
    public const string WatchPage = "/api/status";

    /// <summary>
    /// POST /api/admin/collect: enqueues every due source (as the timer does) and answers 202 at once with where to
    /// watch; the queue workers collect them, so no request runs a whole cycle (Functions ends requests at 230 s).
    /// </summary>
    public async Task<HttpReply> CollectNowAsync(CancellationToken cancellationToken)
    {
        var enqueued = await queue.RequestCollectionAsync(cancellationToken).ConfigureAwait(false);
        return HttpReply.Private(JsonSerializer.Serialize(new
        {
            enqueued,
            queue = queue.QueueName,
            watch = new { sources = WatchJson, status = WatchPage },
        }, Json), 202).WithHeader("Location", WatchJson);
    }

    /// <summary>
    /// POST /api/admin/essays with an essay of the sources file's shape. The page the app will fetch (fetchUrl, else the
    /// first URL) must lead to public addresses only, on every redirect: the admin key does not open the SSRF guard.
    /// </summary>
    public async Task<HttpReply> AddEssayAsync(Stream body, CancellationToken cancellationToken)
    {
        EssayConfig? essay;
        try
        {
            essay = await JsonSerializer.DeserializeAsync<EssayConfig>(body, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return HttpReply.Error(400, "the body is not an essay: " + ex.Message);
        }

        if (essay is null || string.IsNullOrWhiteSpace(essay.Id) || essay.Id.Length > 100 || string.IsNullOrWhiteSpace(essay.Title)
            || essay.Urls.Count == 0 || essay.Urls.Any(u => Html.Href(u) is null || u.StartsWith('/')))
        {
            return HttpReply.Error(400, "an essay needs an id (up to 100 characters), a title and at least one http(s) URL");
        }

        if (await probe.RefusalAsync(essay.FetchUrl ?? essay.Urls[0], cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return HttpReply.Error(400, refusal);
        }

        await essays.AddAsync(essay, cancellationToken).ConfigureAwait(false);
        configs.Refresh();
        await snapshots.RebuildAsync(essay.Id, cancellationToken).ConfigureAwait(false);
        return HttpReply.Private(JsonSerializer.Serialize(new { added = essay.Id }, Json), 201);
    }

    /// <summary>DELETE /api/admin/essays/{id}: stops tracking; stored coverage is kept.</summary>
    public async Task<HttpReply> RemoveEssayAsync(string essayId, CancellationToken cancellationToken)
    {
        if (await snapshots.FindEssayAsync(essayId, cancellationToken).ConfigureAwait(false) is null)
        {
            return HttpReply.NotFound($"no essay with id \"{essayId}\"");
        }

        await essays.RemoveAsync(essayId, cancellationToken).ConfigureAwait(false);
        configs.Refresh();
        return HttpReply.Private(JsonSerializer.Serialize(new { removed = essayId }, Json));
    }
}
