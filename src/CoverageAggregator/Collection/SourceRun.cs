using CoverageAggregator.Coverage;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Collection;

/// <summary>What a collector is given for one run of one source.</summary>
public sealed record SourceContext(SourceDescriptor Source, SourceState State, IReadOnlyList<EssayProfile> Essays, DateTimeOffset Now);

/// <summary>What one run of one source found; the runner persists it (items first, then seen and pending entries' rows, then state).</summary>
public sealed record SourceRun
{
    public required FetchOutcome Outcome { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public int Entries { get; init; }
    public IReadOnlyList<CoverageItem> Items { get; init; } = [];

    /// <summary>How many entries the run judged (coverage or not).</summary>
    public int Judged { get; init; }

    /// <summary>The judged entries to remember as the state's set (<see cref="SourceState.SeenEntries"/>); null keeps the stored one.</summary>
    public SeenSet? Known { get; init; }

    /// <summary>Judged entries remembered as rows (<see cref="SeenEntryStore"/>): those that were pending, and those the set had no room for.</summary>
    public IReadOnlyList<(string EntryId, string? Url, string Outcome)> Seen { get; init; } = [];

    /// <summary>Entries whose judgement could not finish this run: kept to be judged again (<see cref="PendingEntry"/>).</summary>
    public IReadOnlyList<PendingEntry> Pending { get; init; } = [];

    /// <summary>How many of the source's entries wait for another try after this run (counted by the runner); null when not counted.</summary>
    public int? PendingEntries { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public Uri? MovedTo { get; init; }
    public string? HttpETag { get; init; }
    public string? HttpLastModified { get; init; }

    /// <summary>Posts read from the platform in this run, counted as it bills them (null: not metered).</summary>
    public int? PostsRead { get; init; }

    /// <summary>The source's new resume point (see <see cref="SourceState.Cursor"/>); null keeps the stored one.</summary>
    public string? Cursor { get; init; }

    public static SourceRun From(FetchResult fetch) => new()
    {
        Outcome = fetch.Outcome,
        Error = fetch.Error,
        RetryAfter = fetch.RetryAfter,
        MovedTo = fetch.MovedPermanentlyTo,
        HttpETag = fetch.ETag,
        HttpLastModified = fetch.LastModified,
    };
}

/// <summary>Collects one kind of source (feeds, or one social platform).</summary>
public interface ISourceCollector
{
    bool CanCollect(SourceDescriptor source);

    Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken);
}
