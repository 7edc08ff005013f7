using System.Text;
using System.Text.Json;
using CoverageAggregator.Configuration;
using CoverageAggregator.Digest;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The public HTTP handlers both hosts expose (Functions app and `coverage run`): plain methods that answer an
/// <see cref="HttpReply"/>. Every coverage answer comes from the stored snapshot; a filter narrows the snapshot's items.
/// </summary>
public sealed class CoverageEndpoints(ConfigProvider configs, CoverageSnapshots snapshots, DigestStore digests, SourceStateStore states, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The export of the essay as stored now (rebuilt first, for the CLI export); null for an unknown essay.</summary>
    public async Task<CoverageExport?> BuildExportAsync(string essayId, CancellationToken cancellationToken) =>
        (await snapshots.RebuildAsync(essayId, cancellationToken).ConfigureAwait(false))?.Export;

    /// <summary>GET /api/essays/{id}/coverage[?kind=&amp;outlet=&amp;from=&amp;to=&amp;lang=&amp;since=]</summary>
    public Task<HttpReply> CoverageHtmlAsync(string essayId, CoverageFilter filter, string? ifNoneMatch, CancellationToken cancellationToken) =>
        ServeAsync(essayId, filter, ifNoneMatch, "html", s => s.Html, (s, f) => CoveragePage.Render(s.Export, f), HttpReply.Html, cancellationToken);

    /// <summary>GET /api/essays/{id}/coverage.json</summary>
    public Task<HttpReply> CoverageJsonAsync(string essayId, CoverageFilter filter, string? ifNoneMatch, CancellationToken cancellationToken) =>
        ServeAsync(essayId, filter, ifNoneMatch, "json", s => s.Json, (s, f) => f.Apply(s.Export).ToJson(), HttpReply.Json, cancellationToken);

    /// <summary>GET /api/essays/{id}/coverage.atom</summary>
    public Task<HttpReply> CoverageAtomAsync(string essayId, CoverageFilter filter, string? ifNoneMatch, CancellationToken cancellationToken) =>
        ServeAsync(essayId, filter, ifNoneMatch, "atom", s => s.Atom, (s, f) => CoverageAtom.Render(f.Apply(s.Export)), HttpReply.Atom, cancellationToken);

    /// <summary>GET /api/essays/{id}/coverage.csv</summary>
    public Task<HttpReply> CoverageCsvAsync(string essayId, CoverageFilter filter, string? ifNoneMatch, CancellationToken cancellationToken) =>
        ServeAsync(essayId, filter, ifNoneMatch, "csv", s => s.Csv, (s, f) => CoverageCsv.Render(f.Apply(s.Export)),
            (body, etag) => HttpReply.Csv(body, FileName(essayId) + "-coverage.csv", etag), cancellationToken);

    /// <summary>GET /api/essays/{id}/digest/{date}: the stored digest of that local date, as HTML (?format=text for plain text).</summary>
    public async Task<HttpReply> DigestAsync(string essayId, string date, bool text, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            return HttpReply.Error(400, "the date must be yyyy-MM-dd");
        }

        var essay = await snapshots.FindEssayAsync(essayId, cancellationToken).ConfigureAwait(false);
        var digest = essay is null ? null : await digests.FindAsync(essay.Id, date, cancellationToken).ConfigureAwait(false);
        return digest is null
            ? HttpReply.NotFound($"no digest of \"{essayId}\" for {date}")
            : text ? HttpReply.Ok("text/plain; charset=utf-8", digest.Text, null) : HttpReply.Html(digest.Html);
    }

    /// <summary>GET /api/essays: the index of tracked essays with their counts.</summary>
    public async Task<HttpReply> IndexAsync(CancellationToken cancellationToken)
    {
        var tracked = await snapshots.EssaysAsync(cancellationToken).ConfigureAwait(false);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Tracked essays</title>\n<style>")
            .Append(PageStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n<h1>Tracked essays</h1>\n");
        if (tracked.Count == 0)
        {
            html.Append("<p class=\"empty\">No essays are tracked yet.</p>\n");
        }

        html.Append("<ul class=\"essays\">\n");
        foreach (var essay in tracked)
        {
            var counts = (await snapshots.GetAsync(essay.Id, cancellationToken).ConfigureAwait(false))?.Export.Counts;
            html.Append("<li><p class=\"headline\">").Append(Html.Link(CoveragePage.EssayPath(essay.Id) + "/coverage", essay.Title)).Append("</p><p class=\"meta\">")
                .Append(Html.Text(string.Join(" · ", new[] { essay.Author, essay.Publication }.OfType<string>())));
            if (essay.PublishedAt is not null)
            {
                html.Append(" · ").Append(Html.Date(essay.PublishedAt));
            }

            if (counts is not null)
            {
                html.Append(" · ").Append(counts.Articles).Append(" articles, ").Append(counts.Posts).Append(" posts, ").Append(counts.Outlets).Append(" outlets");
            }

            html.Append("</p></li>\n");
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
            lastPostsRead = h.LastPostsRead,
            pendingEntries = h.PendingEntries ?? 0,
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

    private async Task<HttpReply> ServeAsync(
        string essayId, CoverageFilter filter, string? ifNoneMatch, string format,
        Func<CoverageSnapshot, string> stored, Func<CoverageSnapshot, CoverageFilter, string> filtered, Func<string, string?, HttpReply> reply,
        CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(essayId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return HttpReply.NotFound($"no essay with id \"{essayId}\"");
        }

        if (filter.IsEmpty)
        {
            var text = stored(snapshot);
            return (reply(text, snapshot.ETag(format)) with { Utf8Body = snapshot.Utf8(format, text) }).ForRequest(ifNoneMatch);
        }

        var etag = $"\"{snapshot.Version}-{format}-{filter.Key}\"";
        return ifNoneMatch is not null && ifNoneMatch.Split(',').Any(t => t.Trim() == etag)
            ? reply("", etag).ForRequest(ifNoneMatch)
            : reply(filtered(snapshot, filter), etag);
    }

    private static string FileName(string essayId) =>
        new(essayId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
