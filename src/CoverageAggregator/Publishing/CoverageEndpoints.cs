using System.Text;
using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Publishing;

/// <summary>The HTTP handlers both hosts expose (Functions app and `coverage run`): plain methods that answer an <see cref="HttpReply"/>.</summary>
public sealed class CoverageEndpoints(ConfigProvider configs, EssayStore essays, CoverageStore store, SourceStateStore states, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<CoverageExport?> BuildExportAsync(string essayId, CancellationToken cancellationToken)
    {
        var essay = (await EssaysAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(e => string.Equals(e.Id, essayId, StringComparison.OrdinalIgnoreCase));
        if (essay is null)
        {
            return null;
        }

        var items = await store.ListAsync(essay.Id, cancellationToken).ConfigureAwait(false);
        return CoverageExport.Build(essay, items, time.GetUtcNow());
    }

    /// <summary>GET /api/essays/{id}/coverage</summary>
    public async Task<HttpReply> CoverageHtmlAsync(string essayId, string? ifNoneMatch, CancellationToken cancellationToken) =>
        await BuildExportAsync(essayId, cancellationToken).ConfigureAwait(false) is { } export
            ? HttpReply.Html(CoveragePage.Render(export), ETagOf(export)).ForRequest(ifNoneMatch)
            : HttpReply.NotFound($"no essay with id \"{essayId}\"");

    /// <summary>GET /api/essays/{id}/coverage.json</summary>
    public async Task<HttpReply> CoverageJsonAsync(string essayId, string? ifNoneMatch, CancellationToken cancellationToken) =>
        await BuildExportAsync(essayId, cancellationToken).ConfigureAwait(false) is { } export
            ? HttpReply.Json(export.ToJson(), ETagOf(export)).ForRequest(ifNoneMatch)
            : HttpReply.NotFound($"no essay with id \"{essayId}\"");

    /// <summary>GET /api/essays: the index of tracked essays.</summary>
    public async Task<HttpReply> IndexAsync(CancellationToken cancellationToken)
    {
        var tracked = await EssaysAsync(cancellationToken).ConfigureAwait(false);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Tracked essays</title>\n</head>\n<body>\n<main>\n<h1>Tracked essays</h1>\n<ul>\n");
        foreach (var essay in tracked)
        {
            html.Append("<li>").Append(Html.Link($"/api/essays/{Uri.EscapeDataString(essay.Id)}/coverage", essay.Title))
                .Append(" — ").Append(Html.Text(essay.Author)).Append("</li>\n");
        }

        html.Append("</ul>\n</main>\n</body>\n</html>\n");
        return HttpReply.Html(html.ToString());
    }

    /// <summary>GET /api/sources: the health of every source.</summary>
    public async Task<HttpReply> SourcesAsync(CancellationToken cancellationToken)
    {
        var rows = (await SourceHealthAsync(cancellationToken).ConfigureAwait(false)).Select(h => new
        {
            id = h.Id,
            kind = h.Kind,
            name = h.Name,
            url = h.Url,
            status = h.Status(time.GetUtcNow()),
            lastSuccessAt = h.LastSuccessAt,
            lastErrorAt = h.LastErrorAt,
            lastError = h.LastError,
            lastWarning = h.LastWarning,
            consecutiveFailures = h.ConsecutiveFailures,
            nextDueAt = h.NextDueAt,
            retryNotBefore = h.RetryNotBefore,
            disabled = h.Disabled,
            lastItemCount = h.LastItemCount,
        });
        return HttpReply.Json(JsonSerializer.Serialize(new { sources = rows }, Indented));
    }

    /// <summary>GET /api/status: the same health as an HTML page.</summary>
    public async Task<HttpReply> SourceStatusHtmlAsync(CancellationToken cancellationToken) =>
        HttpReply.Html(SourceStatusPage.Render(await SourceHealthAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow()));

    /// <summary>Every configured source with its stored state (none yet for a source never run).</summary>
    public async Task<IReadOnlyList<SourceStatusRow>> SourceHealthAsync(CancellationToken cancellationToken)
    {
        var config = await configs.GetAsync(cancellationToken).ConfigureAwait(false);
        var known = (await states.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.RowKey, StringComparer.Ordinal);
        return SourceDescriptor.AllOf(config).Select(source => SourceStatusRow.Of(source, known.GetValueOrDefault(source.Id))).ToList();
    }

    /// <summary>The essays of the sources file when it can be read, else those stored by the last collection.</summary>
    private async Task<IReadOnlyList<Configuration.EssayConfig>> EssaysAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await configs.GetAsync(cancellationToken).ConfigureAwait(false)).Essays;
        }
        catch (ConfigException)
        {
            return await essays.ListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The version of an export: its items, not the time it was generated.</summary>
    private static string ETagOf(CoverageExport export) =>
        "\"" + Feeds.EntryIdentity.Hash(JsonSerializer.Serialize(export with { GeneratedAt = default })) + "\"";
}
