using System.Runtime.ExceptionServices;
using CoverageAggregator.Configuration;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using CoverageAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Collection;

/// <summary>What one source's run came to, for progress and reports.</summary>
public sealed record SourceReport(SourceDescriptor Source, FetchOutcome Outcome, int Entries, int Coverage, int NewCoverage, string? Error, bool Deferred = false);

/// <summary>
/// Runs one source and records what happened: coverage first, then the entries judged, then the source's state.
/// A process killed between these steps loses nothing (upserts are idempotent, unjudged entries are judged again).
/// A failure of the source (network, storage, unreadable answers) becomes the source's error and its backoff; an
/// unexpected exception (a bug) is recorded the same way, logged with its stack trace and rethrown to the host.
/// </summary>
public sealed class SourceRunner(
    IEnumerable<ISourceCollector> collectors,
    CoverageStore coverage,
    SeenEntryStore seen,
    WaitingEntries waiting,
    SourceStateStore states,
    IOptions<CoverageOptions> options,
    TimeProvider time,
    ILogger<SourceRunner> logger,
    IEnumerable<ICoverageObserver> observers)
{
    public Task<SourceReport> RunAsync(SourceDescriptor source, IReadOnlyList<EssayProfile> essays, bool force, CancellationToken cancellationToken) =>
        RunAsync(source, stored: null, essays, force, batch: null, cancellationToken);

    /// <summary>
    /// Runs a source whose stored state the caller already read (a cycle reads them all in one query; null reads it).
    /// With a batch, the source's state and the observers' notice wait in it (see <see cref="CompleteAsync"/>).
    /// </summary>
    public async Task<SourceReport> RunAsync(
        SourceDescriptor source, SourceState? stored, IReadOnlyList<EssayProfile> essays, bool force, CycleBatch? batch, CancellationToken cancellationToken)
    {
        using var activity = CoverageTelemetry.StartSource(source);
        var started = time.GetTimestamp();
        var report = await RunCoreAsync(source, stored, essays, force, batch, cancellationToken).ConfigureAwait(false);
        CoverageTelemetry.SourceDone(activity, report, time.GetElapsedTime(started));
        return report;
    }

    private async Task<SourceReport> RunCoreAsync(
        SourceDescriptor source, SourceState? stored, IReadOnlyList<EssayProfile> essays, bool force, CycleBatch? batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SourceState state;
        try
        {
            state = Prepare(source, stored ?? await states.FindAsync(source.Id, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (TableHandle.IsStorageFailure(ex))
        {
            return Failed(source, $"storage unavailable: {TableHandle.FirstLine(ex)}");
        }

        if (state.Disabled)
        {
            return new SourceReport(source, FetchOutcome.Gone, 0, 0, 0, state.LastError ?? "disabled", Deferred: true);
        }

        if (state.RetryNotBefore > now || (!force && state.NextDueAt > now))
        {
            return new SourceReport(source, FetchOutcome.RetryLater, 0, 0, 0, state.RetryNotBefore > now ? $"waiting until {state.RetryNotBefore:u} (Retry-After)" : null, Deferred: true);
        }

        var collector = collectors.FirstOrDefault(c => c.CanCollect(source));
        if (collector is null)
        {
            return await RecordAsync(source, state, new SourceRun { Outcome = FetchOutcome.Failed, Error = $"no collector for source type \"{source.Kind}\"" }, 0, batch, cancellationToken).ConfigureAwait(false);
        }

        SourceRun run;
        Exception? bug = null;
        try
        {
            run = await collector.CollectAsync(new SourceContext(source, state, essays, now), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            run = new SourceRun { Outcome = FetchOutcome.Failed, Error = $"{ex.GetType().Name}: {ex.Message}" };
            bug = IsExpected(ex) ? null : ex;
        }

        if (bug is not null)
        {
            // A bug, not the source's trouble: recorded as the source's failure (with its backoff), logged with its
            // stack trace, and rethrown so the host sees it (a queue message is retried, then goes to poison).
            await RecordAsync(source, state, run, 0, batch, cancellationToken).ConfigureAwait(false);
            Log.SourceCrashed(logger, source.Id, bug);
            ExceptionDispatchInfo.Throw(bug);
        }

        try
        {
            var added = new List<Coverage.CoverageItem>();
            foreach (var item in run.Items)
            {
                if (await coverage.UpsertAsync(item, cancellationToken).ConfigureAwait(false))
                {
                    added.Add(item);
                }
            }

            if (run.Items.Count > 0)
            {
                var change = new CoverageChange(run.Items.Select(i => i.EssayId).Distinct(StringComparer.Ordinal).ToList(), added);
                if (batch is null)
                {
                    await NotifyAsync(change, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    batch.Add(change);
                }
            }

            if (run.Seen.Count > 0)
            {
                await seen.MarkSeenAsync(source.Id, run.Seen, now, cancellationToken).ConfigureAwait(false);
            }

            if (run.Pending.Count > 0)
            {
                await seen.MarkPendingAsync(source.Id, run.Pending, now, cancellationToken).ConfigureAwait(false);
                await waiting.RecordAsync(source.Id, run.Pending, essays, cancellationToken).ConfigureAwait(false);
            }

            // Counted unless the run counted them: when entries wait or may wait (an unknown count is made once).
            var mayWait = run.Pending.Count > 0 || state.PendingEntries is not 0;
            if (run.PendingEntries is null && mayWait)
            {
                run = run with { PendingEntries = await seen.CountPendingAsync(source.Id, cancellationToken).ConfigureAwait(false) };
            }

            if (batch is null && (mayWait || run.PendingEntries > 0))
            {
                // The pages list the entries waiting to be resolved, which may have come or gone (a cycle renders every page at its end).
                await NotifyAsync(new CoverageChange([.. essays.Select(e => e.Essay.Id)], []), cancellationToken).ConfigureAwait(false);
            }

            return await RecordAsync(source, state, run, added.Count, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TableHandle.IsStorageFailure(ex))
        {
            // Nothing is lost: entries not marked seen are judged again and upserts are idempotent.
            return Failed(source, $"storage unavailable: {TableHandle.FirstLine(ex)}");
        }
    }

    /// <summary>
    /// Ends a cycle's batch: writes the states it holds, tells the observers once about every essay of the cycle (so a
    /// page left behind by a killed run is brought up to date too) and the items that are new, and waits for them.
    /// </summary>
    public async Task CompleteAsync(CycleBatch batch, IEnumerable<string> essayIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var states = batch.WriteHeldStatesAsync(cancellationToken); // alongside the observers' work, which does not read them
        var change = batch.Change(essayIds);
        if (change.EssayIds.Count > 0)
        {
            await NotifyAsync(change, cancellationToken).ConfigureAwait(false);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await states.ConfigureAwait(false);
    }

    /// <summary>Tells every observer; one that fails (a rendering error, a bug) is logged with its stack trace and never fails the run.</summary>
    private async Task NotifyAsync(CoverageChange change, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.CoverageChangedAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ObserverFailed(logger, observer.GetType().Name, string.Join(", ", change.EssayIds), ex);
            }
        }
    }

    /// <summary>Lets the observers finish what they deferred (snapshot rebuilds) before a run ends.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ObserverFailed(logger, observer.GetType().Name, "(flush)", ex);
            }
        }
    }

    /// <summary>The stored state, or a fresh one when there is none or the source's URL changed in the sources file.</summary>
    private static SourceState Prepare(SourceDescriptor source, SourceState? state)
    {
        if (state is null || state.ConfiguredUrl != source.Url)
        {
            // A stored row is replaced under its ETag, so a writer that raced this one is noticed.
            var etag = state?.ETag ?? default;
            state = NewState(source);
            state.ETag = etag;
        }

        state.Name = source.Name;
        state.Kind = source.Kind;
        return state;
    }

    /// <summary>The state of a source never collected (nothing stored yet); its name and kind are set by <see cref="Prepare"/>.</summary>
    public static SourceState NewState(SourceDescriptor source) =>
        new() { RowKey = source.Id, ConfiguredUrl = source.Url, CurrentUrl = source.Url };

    private async Task<SourceReport> RecordAsync(SourceDescriptor source, SourceState state, SourceRun run, int added, CycleBatch? batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromMinutes(options.Value.SourceIntervalMinutes);
        foreach (var warning in run.Warnings)
        {
            Log.SourceWarning(logger, source.Id, warning);
        }

        if (run.Error is not null)
        {
            Log.SourceFailed(logger, source.Id, run.Error);
        }
        else
        {
            Log.SourceCollected(logger, source.Id, run.Entries, run.Judged, run.Items.Count);
        }

        // The write carries the state's ETag; when another worker wrote it meanwhile, this run's outcome is applied
        // again to what that worker stored, so both land.
        var write = new SourceStateWrite(Apply(state, run, now, interval), stored => Apply(Prepare(source, stored), run, now, interval));
        await (batch is null ? states.SaveAsync(write, cancellationToken) : batch.SaveStateAsync(write, cancellationToken)).ConfigureAwait(false);
        return new SourceReport(source, run.Outcome, run.Entries, run.Items.Count, added, run.Error);
    }

    /// <summary>What a run's outcome does to the source's state: validators, health, when it is due again.</summary>
    private static SourceState Apply(SourceState state, SourceRun run, DateTimeOffset now, TimeSpan interval)
    {
        state.LastAttemptAt = now;
        state.RetryNotBefore = null;
        state.LastPostsRead = run.PostsRead;
        state.PendingEntries = run.PendingEntries ?? state.PendingEntries;
        state.Cursor = run.Cursor ?? state.Cursor;
        state.SeenEntries = run.Known?.ToBytes() ?? state.SeenEntries;
        switch (run.Outcome)
        {
            case FetchOutcome.Ok or FetchOutcome.NotModified:
                state.LastSuccessAt = now;
                state.ConsecutiveFailures = 0;
                state.LastError = null;
                state.NextDueAt = now + interval;
                if (run.Outcome == FetchOutcome.Ok)
                {
                    state.HttpETag = run.HttpETag;
                    state.HttpLastModified = run.HttpLastModified;
                    state.LastItemCount = run.Entries;
                    state.LastCoverageCount = run.Items.Count;
                    state.LastWarning = run.Warnings.Count > 0 ? string.Join("; ", run.Warnings) : null;
                }

                if (run.MovedTo is { } moved)
                {
                    state.CurrentUrl = moved.AbsoluteUri;
                }

                break;
            case FetchOutcome.Gone:
                state.Disabled = true;
                state.LastError = run.Error;
                state.LastErrorAt = now;
                break;
            default:
                state.ConsecutiveFailures++;
                state.LastError = run.Error;
                state.LastErrorAt = now;
                var backoff = Backoff(interval, state.ConsecutiveFailures);
                if (run.RetryAfter is { } retryAfter)
                {
                    // Never before Retry-After; then up to 10 % later, so sources told the same time do not return in step.
                    state.RetryNotBefore = now + retryAfter;
                    var jittered = retryAfter * (1 + (Random.Shared.NextDouble() * 0.1));
                    backoff = jittered > backoff ? jittered : backoff;
                }

                state.NextDueAt = now + backoff;
                break;
        }

        return state;
    }

    /// <summary>Doubling per consecutive failure, capped at a day, with ±10 % jitter so failed sources do not return in step.</summary>
    internal static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 10));
        var backoff = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, TimeSpan.FromDays(1).Ticks));
        return backoff * (0.9 + (Random.Shared.NextDouble() * 0.2));
    }

    /// <summary>The failures a source can cause (network, storage, a feed or an API answer that cannot be read); anything else is a bug.</summary>
    private static bool IsExpected(Exception ex) =>
        TableHandle.IsStorageFailure(ex)
        || ex is HttpRequestException or IOException or TimeoutException or FeedFormatException or System.Text.Json.JsonException or System.Xml.XmlException;

    private static SourceReport Failed(SourceDescriptor source, string error) => new(source, FetchOutcome.Failed, 0, 0, 0, error);
}
