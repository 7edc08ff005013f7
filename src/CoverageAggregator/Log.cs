using Microsoft.Extensions.Logging;

namespace CoverageAggregator;

/// <summary>Every log message of the core, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Fetch of {Url} failed: {Error}")]
    public static partial void FetchFailed(ILogger logger, Uri url, string error);

    [LoggerMessage(2, LogLevel.Warning, "Source {SourceId} failed: {Error}")]
    public static partial void SourceFailed(ILogger logger, string sourceId, string error);

    [LoggerMessage(11, LogLevel.Error, "Source {SourceId} failed with an unexpected error (a bug): it is recorded and rethrown to the host")]
    public static partial void SourceCrashed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "Observer {Observer} failed for essays {EssayIds}; the run goes on")]
    public static partial void ObserverFailed(ILogger logger, string observer, string essayIds, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Source {SourceId}: {Entries} entries, {New} new, {Coverage} coverage")]
    public static partial void SourceCollected(ILogger logger, string sourceId, int entries, int @new, int coverage);

    [LoggerMessage(4, LogLevel.Warning, "Source {SourceId}: {Warning}")]
    public static partial void SourceWarning(ILogger logger, string sourceId, string warning);

    [LoggerMessage(10, LogLevel.Warning, "States of {Count} sources not saved (they are fetched in full next time): {Error}")]
    public static partial void SourceStatesNotSaved(ILogger logger, int count, string error);

    [LoggerMessage(5, LogLevel.Information, "Enqueued {Count} due sources")]
    public static partial void SourcesEnqueued(ILogger logger, int count);

    [LoggerMessage(500, LogLevel.Information, "Collection cycle: {Sources} sources, {Items} coverage items ({New} new), {Failures} failed, in {Seconds:0.0} s")]
    public static partial void CycleCompleted(ILogger logger, int sources, int items, int @new, int failures, double seconds);

    [LoggerMessage(6, LogLevel.Warning, "Page {Url} could not be read: {Error}")]
    public static partial void PageFailed(ILogger logger, string url, string error);

    [LoggerMessage(7, LogLevel.Warning, "Essay {EssayId} could not be fetched: {Error}")]
    public static partial void EssayFetchFailed(ILogger logger, string essayId, string error);

    [LoggerMessage(9, LogLevel.Warning, "Queue message {MessageId} failed on try {DequeueCount}: {Error}")]
    public static partial void QueueMessageFailed(ILogger logger, string messageId, int dequeueCount, string error);

    [LoggerMessage(8, LogLevel.Information, "Snapshot of {EssayId} rebuilt: {Items} items")]
    public static partial void SnapshotRebuilt(ILogger logger, string essayId, int items);

    [LoggerMessage(400, LogLevel.Warning, "Snapshot of {EssayId} could not be rebuilt: {Error}")]
    public static partial void SnapshotFailed(ILogger logger, string essayId, string error, Exception exception);

    [LoggerMessage(401, LogLevel.Information, "Digest {Date} of {EssayId}: {Items} new items{Skipped}")]
    public static partial void DigestBuilt(ILogger logger, string essayId, string date, int items, string skipped);

    [LoggerMessage(402, LogLevel.Information, "Delivered {Kind} of {EssayId} via {Channel}")]
    public static partial void DeliverySent(ILogger logger, string kind, string essayId, string channel);

    [LoggerMessage(403, LogLevel.Warning, "Delivery of {Kind} of {EssayId} via {Channel} failed (attempt {Attempt}), retried next run: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string kind, string essayId, string channel, int attempt, string error);

    [LoggerMessage(404, LogLevel.Information, "Alert for {EssayId}: {Items} items ({Reason})")]
    public static partial void AlertRaised(ILogger logger, string essayId, int items, string reason);

    [LoggerMessage(405, LogLevel.Warning, "Alerts for {EssayId} failed: {Error}")]
    public static partial void AlertFailed(ILogger logger, string essayId, string error, Exception exception);
}
