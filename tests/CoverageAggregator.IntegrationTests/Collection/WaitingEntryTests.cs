using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>A Google News entry whose link is not resolved yet is listed apart on the essay's page and in its JSON, never counted, until it is resolved.</summary>
public class WaitingEntryTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "google-news-waiting");

    private const string Publisher = "https://ai-dispatch.example/2026/05/05/clark-automated-research/";

    /// <summary>No retries within a run, and no spacing of Google requests on the test clock (it only moves when the test says).</summary>
    private static Dictionary<string, string?> Settings => new() { ["Coverage:Fetch:MaxRetries"] = "0", ["Coverage:GoogleNews:MinIntervalMilliseconds"] = "0" };

    [Fact]
    public async Task AnUnresolvedGoogleNewsEntryIsInTheJsonsWaitingListNotInItsItemsUntilItIsResolved()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus), Settings, time);
        var cycle = host.Get<CollectionCycle>();
        var snapshots = host.Get<CoverageSnapshots>();

        var reports = await cycle.RunAsync(null, CancellationToken.None);
        Assert.All(reports, r => Assert.Null(r.Error));
        var first = CoverageExport.FromJson((await snapshots.GetAsync("import-ai-455", CancellationToken.None))!.Json)!;

        Assert.Empty(first.Items);
        Assert.Equal((0, 0), (first.Counts.Articles, first.Counts.Outlets));
        var waiting = Assert.Single(first.Waiting!);
        Assert.Contains("/news.google.com/rss/articles/CBMi", waiting.Url, StringComparison.Ordinal);
        Assert.Equal(("AI Dispatch", "Jack Clark says AI labs are starting to automate their own research", 1), (waiting.Outlet, waiting.Title, waiting.Tries));

        time.Advance(TimeSpan.FromMinutes(20));
        await cycle.RunAsync(null, CancellationToken.None);
        var second = CoverageExport.FromJson((await snapshots.GetAsync("import-ai-455", CancellationToken.None))!.Json)!;

        Assert.Equal(Publisher, Assert.Single(second.Items).Url);
        Assert.Null(second.Waiting);
        Assert.Equal(Publisher, Assert.Single(await host.Get<CoverageStore>().ListAsync("import-ai-455", CancellationToken.None)).Url);
    }

    [Fact]
    public async Task ASingleSourceRunOfTheQueueRendersTheWaitingEntryAndItsResolution()
    {
        await using var server = await FixtureServer.StartAsync(Corpus);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(await server.WriteConfigAsync(Corpus), Settings, time);
        var config = await host.Get<Configuration.ConfigProvider>().GetAsync(CancellationToken.None);
        var source = Assert.Single(Sources.SourceDescriptor.AllOf(config));
        var essays = await host.Get<Matching.EssayProfiles>().GetAsync(config.Essays, CancellationToken.None);
        var runner = host.Get<SourceRunner>();
        var snapshots = host.Get<CoverageSnapshots>();
        Assert.Null((await snapshots.RebuildAsync("import-ai-455", CancellationToken.None))!.Export.Waiting); // the page before any run
        time.Advance(TimeSpan.FromMinutes(1));

        await runner.RunAsync(source, essays, force: true, CancellationToken.None);
        await runner.FlushAsync(CancellationToken.None);
        var waiting = (await snapshots.GetAsync("import-ai-455", CancellationToken.None))!.Export.Waiting;
        time.Advance(TimeSpan.FromMinutes(20));
        await runner.RunAsync(source, essays, force: true, CancellationToken.None);
        await runner.FlushAsync(CancellationToken.None);
        var resolved = (await snapshots.GetAsync("import-ai-455", CancellationToken.None))!.Export;

        Assert.Single(waiting!);
        Assert.Null(resolved.Waiting);
        Assert.Equal(Publisher, Assert.Single(resolved.Items).Url);
    }
}
