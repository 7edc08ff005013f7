using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Telemetry;
using static CoverageAggregator.Telemetry.CoverageTelemetry;

namespace CoverageAggregator.IntegrationTests.Telemetry;

[Collection(TelemetryCollection.Name)]
public class CollectionTelemetryTests
{
    private const string DeadFeedConfig = """
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["https://fuse.example/p/the-long-fuse"],"keywords":["The Long Fuse"]}],
         "feeds":[{"name":"Dead Feed","url":"http://127.0.0.1:9/feed.xml"}]}
        """;

    [Fact]
    public async Task ACollectionCycleIsOneSpanWithAChildSpanPerSourceAndCountsTheItemsFound()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        using var telemetry = new TelemetryCapture();

        var reports = await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);

        var cycle = Assert.Single(telemetry.Named(Spans.Cycle));
        var sources = telemetry.Named(Spans.Source);
        Assert.Equal(reports.Count, sources.Count);
        Assert.All(sources, s => Assert.Equal(cycle.SpanId, s.ParentSpanId));
        Assert.Equal(reports.Select(r => r.Source.Id).Order(), sources.Select(s => (string)s.GetTagItem(Tags.SourceId)!).Order());
        Assert.Equal(reports.Sum(r => r.Coverage), cycle.GetTagItem(Tags.Items));

        var found = reports.Sum(r => r.Coverage);
        Assert.True(found > 0, "the corpus cycle found no coverage");
        Assert.Equal(found, telemetry.Sum(Metrics.ItemsFound));
        Assert.Equal(reports.Sum(r => r.NewCoverage), telemetry.Sum(Metrics.ItemsNew));
        Assert.Equal(reports.Count(r => !r.Deferred), telemetry.Count(Metrics.SourceDuration));
        Assert.Equal(1, telemetry.Count(Metrics.CycleDuration));
    }

    [Fact]
    public async Task AFailedSourceIsAnErrorSpanAndCountsInSourcesFailed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dead-feed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, DeadFeedConfig);
        await using var host = new TestHost(path);
        using var telemetry = new TelemetryCapture();

        var report = Assert.Single(await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None));

        Assert.NotNull(report.Error);
        var span = Assert.Single(telemetry.Named(Spans.Source));
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
        Assert.Equal(1, telemetry.Sum(Metrics.SourcesFailed));
        var failed = Assert.Single(telemetry.Measurements, m => m.Instrument == Metrics.SourcesFailed);
        Assert.Equal("feed", failed.Tags[Tags.SourceKind]);
        Assert.Equal(1, Assert.Single(telemetry.Named(Spans.Cycle)).GetTagItem(Tags.Failures));
    }

    [Fact]
    public async Task TheTimerEnqueueAndEachQueueMessageAreSpansAndTheMessageParentsItsSourceRun()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dead-feed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, DeadFeedConfig);
        await using var host = new TestHost(path);
        using var telemetry = new TelemetryCapture();
        var queue = host.Get<SourceQueue>();

        var enqueued = await queue.EnqueueDueAsync(CancellationToken.None);
        var processed = await queue.DrainAsync(CancellationToken.None);

        Assert.Equal(1, enqueued);
        Assert.Equal(1, processed);
        Assert.Equal(1, Assert.Single(telemetry.Named(Spans.Enqueue)).GetTagItem(Tags.Sources));
        Assert.Equal(1, telemetry.Sum(Metrics.SourcesEnqueued));
        var message = Assert.Single(telemetry.Named(Spans.Message));
        var source = Assert.Single(telemetry.Named(Spans.Source));
        Assert.Equal(message.SpanId, source.ParentSpanId);
        Assert.Equal(message.GetTagItem(Tags.SourceId), source.GetTagItem(Tags.SourceId));
    }
}
