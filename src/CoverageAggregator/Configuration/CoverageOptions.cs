using System.ComponentModel.DataAnnotations;

namespace CoverageAggregator.Configuration;

/// <summary>Application settings (section "Coverage"); defaults live here, validated on start.</summary>
public sealed class CoverageOptions
{
    public const string Section = "Coverage";

    /// <summary>The sources file (essays, feeds, social) in the shape of corpus.json.</summary>
    public string ConfigPath { get; set; } = "sources.json";

    /// <summary>Storage connection string; falls back to COVERAGE_STORAGE, then AzureWebJobsStorage, then Azurite.</summary>
    public string? StorageConnection { get; set; }

    /// <summary>Prefix of every table and queue name, so several deployments can share an account.</summary>
    [RegularExpression("^[a-z][a-z0-9]{0,20}$")]
    public string StoragePrefix { get; set; } = "coverage";

    /// <summary>Six-field cron (seconds first) of the collection timer; the Functions app reads %PollSchedule%.</summary>
    [Required]
    public string PollSchedule { get; set; } = "0 */15 * * * *";

    /// <summary>How often one source is collected at most.</summary>
    [Range(1, 24 * 60)]
    public int SourceIntervalMinutes { get; set; } = 15;

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 8;

    [Range(1, 16)]
    public int MaxPerHost { get; set; } = 2;

    /// <summary>Article pages fetched per source per run at most; the rest wait for the next run.</summary>
    [Range(1, 10_000)]
    public int MaxPagesPerSource { get; set; } = 60;

    /// <summary>
    /// Least time between two rebuilds of one essay's snapshot caused by coverage changes, across all instances: changes
    /// meanwhile are rendered together by the next one. 0 rebuilds at once (tests).
    /// </summary>
    [Range(0, 300)]
    public int SnapshotIntervalSeconds { get; set; } = 5;

    public FetchOptions Fetch { get; set; } = new();

    /// <summary>Social API credentials (Key Vault references in Azure), applied to the sources file's social entries.</summary>
    public CredentialOptions Credentials { get; set; } = new();

    public GoogleNewsOptions GoogleNews { get; set; } = new();
}

public sealed class FetchOptions
{
    [Required]
    public string UserAgent { get; set; } = "CoverageAggregator/1.0 (+https://github.com/coverage-aggregator/coverage-aggregator)";

    /// <summary>One attempt: until the answer's headers are in. A timed-out attempt is retried like a dropped connection.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// The whole fetch: every attempt, the waits between them, every redirect and the body. When unset, enough for
    /// every attempt and the longest Retry-After waits (<see cref="Total"/>).
    /// </summary>
    [Range(1, 3600)]
    public int? TotalTimeoutSeconds { get; set; }

    [Range(1024, 512L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The whole fetch's deadline: <see cref="TotalTimeoutSeconds"/>, else every attempt and the Retry-After waits between them.</summary>
    public TimeSpan Total => TotalTimeoutSeconds is { } total
        ? TimeSpan.FromSeconds(total)
        : TimeSpan.FromSeconds((TimeoutSeconds * (MaxRetries + 1)) + (MaxRetryAfterSeconds * MaxRetries));

    /// <summary>Longest Retry-After honoured inside one run; longer ones postpone the source to a later run.</summary>
    [Range(0, 600)]
    public int MaxRetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// host:port pairs that may be fetched although they resolve to loopback or private addresses.
    /// Hosts named by the sources file itself (feeds, social base URLs, the essay's fetchUrl) are added at load time.
    /// </summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];
}

/// <summary>How Google News article links are decoded (Resolving/GoogleNewsDecoder): politely, one request at a time.</summary>
public sealed class GoogleNewsOptions
{
    /// <summary>Least time between two requests to Google News (article page or batchexecute).</summary>
    [Range(0, 60_000)]
    public int MinIntervalMilliseconds { get; set; } = 1000;

    /// <summary>After Google answers 429 or 503 without Retry-After, decoding pauses 1 minute, doubling up to this.</summary>
    [Range(1, 1440)]
    public int MaxBackoffMinutes { get; set; } = 60;
}
