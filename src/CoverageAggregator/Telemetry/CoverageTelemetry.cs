using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoverageAggregator.Collection;
using CoverageAggregator.Sources;
using Microsoft.Extensions.Logging;

namespace CoverageAggregator.Telemetry;

/// <summary>
/// The app's traces and metrics, one name each (OpenTelemetry subscribes to <see cref="Name"/>; the Functions host
/// exports them to Application Insights). Spans: a collection cycle, the timer's enqueue, one queue message, and one
/// source run under either. Metrics: items found, new items, sources failed, durations.
/// </summary>
public static class CoverageTelemetry
{
    /// <summary>The ActivitySource and the Meter.</summary>
    public const string Name = "CoverageAggregator";

    public static class Spans
    {
        public const string Cycle = "collection.cycle";
        public const string Enqueue = "collection.enqueue";
        public const string Message = "collection.message";
        public const string Source = "collection.source";
    }

    public static class Metrics
    {
        public const string ItemsFound = "coverage.items.found";
        public const string ItemsNew = "coverage.items.new";
        public const string SourcesFailed = "coverage.sources.failed";
        public const string SourcesEnqueued = "coverage.sources.enqueued";
        public const string SourceDuration = "coverage.source.duration";
        public const string CycleDuration = "coverage.cycle.duration";
    }

    public static class Tags
    {
        public const string SourceId = "coverage.source.id";
        public const string SourceKind = "coverage.source.kind";
        public const string Outcome = "coverage.outcome";
        public const string Deferred = "coverage.deferred";
        public const string Entries = "coverage.entries";
        public const string Items = "coverage.items";
        public const string NewItems = "coverage.items.new";
        public const string Sources = "coverage.sources";
        public const string Failures = "coverage.failures";
    }

    private static readonly string Version = typeof(CoverageTelemetry).Assembly.GetName().Version?.ToString() ?? "1.0";

    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);
    private static readonly Counter<long> ItemsFound = Meter.CreateCounter<long>(Metrics.ItemsFound, "{item}", "Coverage items found by source runs (new or already known)");
    private static readonly Counter<long> ItemsNew = Meter.CreateCounter<long>(Metrics.ItemsNew, "{item}", "Coverage items stored for the first time");
    private static readonly Counter<long> SourcesFailed = Meter.CreateCounter<long>(Metrics.SourcesFailed, "{source}", "Source runs that ended in an error");
    private static readonly Counter<long> SourcesEnqueued = Meter.CreateCounter<long>(Metrics.SourcesEnqueued, "{source}", "Due sources put on the collect queue");
    private static readonly Histogram<double> SourceDuration = Meter.CreateHistogram<double>(Metrics.SourceDuration, "s", "Time of one source run");
    private static readonly Histogram<double> CycleDuration = Meter.CreateHistogram<double>(Metrics.CycleDuration, "s", "Time of one full collection cycle");

    public static Activity? StartSource(SourceDescriptor source)
    {
        var activity = ActivitySource.StartActivity(Spans.Source);
        activity?.SetTag(Tags.SourceId, source.Id);
        activity?.SetTag(Tags.SourceKind, source.Kind);
        return activity;
    }

    /// <summary>What one source run came to, on its span and in the metrics (deferred runs did no work: no metrics).</summary>
    public static void SourceDone(Activity? activity, SourceReport report, TimeSpan duration)
    {
        var failed = report.Error is not null && !report.Deferred;
        activity?.SetTag(Tags.Outcome, report.Outcome.ToString());
        activity?.SetTag(Tags.Deferred, report.Deferred);
        activity?.SetTag(Tags.Entries, report.Entries);
        activity?.SetTag(Tags.Items, report.Coverage);
        activity?.SetTag(Tags.NewItems, report.NewCoverage);
        if (failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, report.Error);
        }

        if (report.Deferred)
        {
            return;
        }

        var kind = new KeyValuePair<string, object?>(Tags.SourceKind, report.Source.Kind);
        var outcome = new KeyValuePair<string, object?>(Tags.Outcome, report.Outcome.ToString());
        ItemsFound.Add(report.Coverage, kind);
        ItemsNew.Add(report.NewCoverage, kind);
        if (failed)
        {
            SourcesFailed.Add(1, kind, outcome);
        }

        SourceDuration.Record(duration.TotalSeconds, kind, outcome);
    }

    public static Activity? StartCycle() => ActivitySource.StartActivity(Spans.Cycle);

    public static void CycleDone(Activity? activity, IReadOnlyList<SourceReport> reports, TimeSpan duration, ILogger logger)
    {
        var failures = reports.Count(r => r.Error is not null && !r.Deferred);
        var items = reports.Sum(r => r.Coverage);
        var added = reports.Sum(r => r.NewCoverage);
        activity?.SetTag(Tags.Sources, reports.Count);
        activity?.SetTag(Tags.Items, items);
        activity?.SetTag(Tags.NewItems, added);
        activity?.SetTag(Tags.Failures, failures);
        CycleDuration.Record(duration.TotalSeconds);
        Log.CycleCompleted(logger, reports.Count, items, added, failures, duration.TotalSeconds);
    }

    public static Activity? StartEnqueue() => ActivitySource.StartActivity(Spans.Enqueue);

    public static void Enqueued(Activity? activity, int count)
    {
        activity?.SetTag(Tags.Sources, count);
        SourcesEnqueued.Add(count);
    }

    public static Activity? StartMessage(string sourceId)
    {
        var activity = ActivitySource.StartActivity(Spans.Message, ActivityKind.Consumer);
        activity?.SetTag(Tags.SourceId, sourceId);
        return activity;
    }
}
