using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The health of one source as both GET /api/sources (JSON) and the status page show it; for a metered platform (X) also
/// the posts its last run read, which is what the run cost.
/// </summary>
public sealed record SourceStatusRow(
    string Id,
    string Kind,
    string Name,
    string Url,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    string? LastWarning,
    int ConsecutiveFailures,
    DateTimeOffset? NextDueAt,
    DateTimeOffset? RetryNotBefore,
    bool Disabled,
    int LastItemCount,
    int? LastPostsRead = null,
    int? PendingEntries = null)
{
    public static SourceStatusRow Of(SourceDescriptor source, SourceState? state) => new(
        source.Id,
        source.Kind,
        source.Name,
        state?.CurrentUrl is { Length: > 0 } current ? current : source.Url,
        state?.LastSuccessAt,
        state?.LastErrorAt,
        state?.LastError,
        state?.LastWarning,
        state?.ConsecutiveFailures ?? 0,
        state?.NextDueAt,
        state?.RetryNotBefore,
        state?.Disabled ?? false,
        state?.LastItemCount ?? 0,
        state?.LastPostsRead,
        state?.PendingEntries);

    /// <summary>One word for the row: never run, ok, warning, failing, waiting (Retry-After) or disabled (410 Gone).</summary>
    public string Status(DateTimeOffset now) =>
        Disabled ? "disabled"
        : RetryNotBefore > now ? "waiting"
        : ConsecutiveFailures > 0 ? "failing"
        : LastSuccessAt is null ? "never run"
        : LastWarning is not null ? "warning"
        : "ok";
}
