using Cronos;
using CoverageAggregator.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Digest;

/// <summary>What one digest check did.</summary>
public sealed record DigestRun(int Built, int Sent, int Failed);

/// <summary>
/// The daily digest. Run on a short check schedule: when the configured local time (in its time zone, daylight saving
/// followed) has passed and that day's digest is not stored yet, it builds what is new since the last digest, queues it
/// on every channel (the outbox), stores it, and then sends whatever is pending, retrying earlier failures.
/// </summary>
public sealed class DigestService(
    CoverageSnapshots snapshots, DigestStore store, DeliveryDispatcher dispatcher, IOptions<DigestOptions> options, TimeProvider time, ILogger<DigestService> logger)
{
    public async Task<DigestRun> RunAsync(CancellationToken cancellationToken)
    {
        var built = 0;
        if (options.Value.Enabled && LastOccurrence(options.Value, time.GetUtcNow()) is { } due)
        {
            foreach (var essay in await snapshots.EssaysAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await BuildAsync(essay.Id, due, cancellationToken).ConfigureAwait(false) is not null)
                {
                    built++;
                }
            }
        }

        var (sent, failed) = await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
        return new DigestRun(built, sent, failed);
    }

    /// <summary>The latest configured local time at or before <paramref name="now"/>, as an instant.</summary>
    public static DateTimeOffset? LastOccurrence(DigestOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = options.Time.Split(':');
        var cron = CronExpression.Parse($"{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)} {int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)} * * *");
        return cron.GetOccurrences(now.AddDays(-2), now, options.Zone(), fromInclusive: true, toInclusive: true).Select(o => (DateTimeOffset?)o).LastOrDefault();
    }

    /// <summary>Builds the digest due at <paramref name="occurrence"/> unless it is stored; answers it, or null when it existed.</summary>
    public async Task<DigestEntry?> BuildAsync(string essayId, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, settings.Zone()).DateTime);
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await store.FindAsync(essayId, day, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var snapshot = await snapshots.RebuildAsync(essayId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var export = snapshot.Export;
        var last = await store.LastAsync(export.Essay.Id, cancellationToken).ConfigureAwait(false);
        var since = last?.Until ?? export.Essay.PublishedAt ?? occurrence.AddDays(-1);
        var fresh = export.Items.Where(i => i.FirstSeenAt > since && i.FirstSeenAt <= now).ToList();
        var pageUrl = settings.BaseUrl.TrimEnd('/') + CoveragePage.EssayPath(export.Essay.Id) + "/coverage?since=" + DateOnly.FromDateTime(since.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var message = DigestRenderer.Render(export, fresh, date, since, pageUrl, settings.MaxItems);
        var skipped = fresh.Count == 0 && settings.WhenEmpty == "skip";

        // The outbox first, then the digest row: a crash in between builds the same digest again and the outbox keeps one row per channel.
        if (!skipped)
        {
            await dispatcher.EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
        }

        var entry = new DigestEntry
        {
            PartitionKey = export.Essay.Id,
            RowKey = day,
            Since = since,
            Until = now,
            ItemCount = fresh.Count,
            Skipped = skipped,
            Subject = message.Subject,
            Html = Cut(message.Html),
            Text = Cut(message.Text),
        };
        if (!await store.AddAsync(entry, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        Log.DigestBuilt(logger, export.Essay.Id, day, fresh.Count, skipped ? " (nothing new: skipped)" : "");
        await snapshots.RebuildAsync(export.Essay.Id, cancellationToken).ConfigureAwait(false); // the page's "new since" marker moves
        return entry;
    }

    private static string Cut(string value) => value.Length <= 30_000 ? value : value[..30_000];
}
