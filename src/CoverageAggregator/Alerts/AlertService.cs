using System.Text;
using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Digest;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Alerts;

/// <summary>
/// Immediate alerts after a source run: new coverage from a priority outlet or person, or a spike (N new items within
/// the window). Each item is claimed in the same transaction that queues its alert in the outbox, so it alerts once
/// and a crash never leaves it claimed but unsent.
/// </summary>
public sealed class AlertService(
    AlertStore alerted, CoverageStore items, CoverageSnapshots snapshots, DeliveryDispatcher dispatcher,
    IOptions<AlertOptions> options, IOptions<DigestOptions> digest, TimeProvider time, ILogger<AlertService> logger) : ICoverageObserver
{
    public async Task CoverageChangedAsync(CoverageChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var settings = options.Value;
        if (settings.PriorityOutlets.Count == 0 && settings.PriorityPeople.Count == 0 && settings.SpikeCount == 0)
        {
            return;
        }

        foreach (var essayId in change.EssayIds)
        {
            try
            {
                await AlertAsync(essayId, change.Added.Where(i => i.EssayId == essayId).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Never fails the run: a claimed alert stays in the outbox and is sent by a later run.
                Log.AlertFailed(logger, essayId, ex.Message, ex);
            }
        }
    }

    private async Task AlertAsync(string essayId, IReadOnlyList<CoverageItem> added, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var candidates = added.Where(IsPriority).Select(i => (Item: i, Reason: "priority")).ToList();
        if (settings.SpikeCount > 0)
        {
            var recent = (await items.ListAsync(essayId, cancellationToken).ConfigureAwait(false))
                .Where(i => i.FirstSeenAt > now - TimeSpan.FromMinutes(settings.SpikeWindowMinutes)).ToList();
            if (recent.Count >= settings.SpikeCount)
            {
                candidates.AddRange(recent.Select(i => (Item: i, Reason: "spike")));
            }
        }

        var fresh = await UnalertedAsync(essayId, candidates.DistinctBy(c => c.Item.Key), cancellationToken).ConfigureAwait(false);
        if (fresh.Count == 0)
        {
            return;
        }

        var essay = await snapshots.FindEssayAsync(essayId, cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var chunk in fresh.Chunk(dispatcher.MaxClaimsPerMessage))
        {
            // Claimed and queued in one transaction; when another instance claimed some of them at the same moment,
            // the rest are tried again without them.
            var pending = chunk.ToList();
            for (var attempt = 0; attempt < 3 && pending.Count > 0; attempt++)
            {
                var message = Render(essayId, essay?.Title ?? essayId, pending);
                var claims = pending.Select(c => AlertStore.Claim(essayId, c.Item.Key)).ToList();
                if (await dispatcher.EnqueueClaimingAsync(message, claims, cancellationToken).ConfigureAwait(false))
                {
                    Log.AlertRaised(logger, essayId, pending.Count, string.Join(", ", pending.Select(c => c.Reason).Distinct()));
                    queued += pending.Count;
                    break;
                }

                pending = await UnalertedAsync(essayId, pending, cancellationToken).ConfigureAwait(false);
            }
        }

        if (queued == 0)
        {
            return;
        }

        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<(CoverageItem Item, string Reason)>> UnalertedAsync(
        string essayId, IEnumerable<(CoverageItem Item, string Reason)> candidates, CancellationToken cancellationToken)
    {
        var fresh = new List<(CoverageItem Item, string Reason)>();
        foreach (var candidate in candidates)
        {
            if (!await alerted.HasAlertedAsync(essayId, candidate.Item.Key, cancellationToken).ConfigureAwait(false))
            {
                fresh.Add(candidate);
            }
        }

        return fresh;
    }

    private bool IsPriority(CoverageItem item) =>
        (item.Outlet is { } outlet && options.Value.PriorityOutlets.Contains(outlet, StringComparer.OrdinalIgnoreCase))
        || (item.Author is { } author && options.Value.PriorityPeople.Contains(author, StringComparer.OrdinalIgnoreCase));

    private OutboundMessage Render(string essayId, string title, List<(CoverageItem Item, string Reason)> claimed)
    {
        var spike = claimed.Any(c => c.Reason == "spike");
        var subject = spike
            ? $"Coverage spike: {claimed.Count} new items about \"{title}\""
            : $"Priority coverage of \"{title}\": {string.Join(", ", claimed.Select(c => c.Item.Outlet ?? c.Item.Author ?? "new item").Distinct().Take(3))}";
        var pageUrl = digest.Value.BaseUrl.TrimEnd('/') + CoveragePage.EssayPath(essayId) + "/coverage";
        var text = new StringBuilder(subject).Append("\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(DigestRenderer.Enc(subject))
            .Append("</title></head><body style=\"font-family:system-ui,sans-serif\"><h1 style=\"font-size:1.2rem\">").Append(DigestRenderer.Enc(subject)).Append("</h1><ul>");
        foreach (var (item, reason) in claimed)
        {
            text.Append("- ").Append(item.Title ?? item.Excerpt ?? item.Url).Append(" — ").Append(item.Outlet ?? "").Append(item.Author is null ? "" : ", " + item.Author)
                .Append(" [").Append(reason).Append("]\n  ").Append(item.Url).Append('\n');
            html.Append("<li>").Append(DigestRenderer.Link(item.Url, item.Title ?? item.Excerpt ?? item.Url)).Append(" — ")
                .Append(DigestRenderer.Enc(item.Outlet ?? "")).Append(item.Author is null ? "" : " · " + DigestRenderer.Enc(item.Author)).Append("</li>");
        }

        text.Append("\nThe coverage page: ").Append(pageUrl).Append('\n');
        html.Append("</ul><p>").Append(DigestRenderer.Link(pageUrl, "Open the coverage page")).Append("</p></body></html>");
        var id = "alert:" + essayId + ":" + Feeds.EntryIdentity.Hash(string.Join("\n", claimed.Select(c => c.Item.Key).Order(StringComparer.Ordinal)));
        return new OutboundMessage(id, "alert", essayId, subject, html.ToString(), text.ToString(), pageUrl);
    }
}
