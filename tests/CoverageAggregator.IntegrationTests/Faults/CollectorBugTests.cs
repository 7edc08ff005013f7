using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoverageAggregator.IntegrationTests.Faults;

/// <summary>A bug in a collector is not flattened into a "source failed" string: its stack trace is logged and it reaches the host.</summary>
public class CollectorBugTests
{
    private static readonly SourceDescriptor Source = new("buggy-1", "buggy", "Buggy source", "https://buggy.example/api");

    [Fact]
    public async Task ANullReferenceExceptionInACollectorIsLoggedWithItsStackTraceAndReachesTheHost()
    {
        var logs = new CapturedLogs();
        var collector = new ThrowingCollector();
        await using var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed), configure: services => services
            .AddSingleton<ISourceCollector>(collector)
            .AddLogging(logging => logging.AddProvider(logs)));

        var thrown = await Assert.ThrowsAsync<NullReferenceException>(() => host.Get<SourceRunner>().RunAsync(Source, [], force: true, CancellationToken.None));

        var logged = Assert.Single(logs.Entries, e => e.Exception is not null && e.Level == LogLevel.Error);
        Assert.Same(thrown, logged.Exception);
        Assert.Contains(nameof(ThrowingCollector.CollectAsync), logged.Exception!.StackTrace, StringComparison.Ordinal);
        var state = await host.Get<SourceStateStore>().FindAsync(Source.Id, CancellationToken.None);
        Assert.Equal(1, state?.ConsecutiveFailures);
        Assert.StartsWith(nameof(NullReferenceException), state?.LastError, StringComparison.Ordinal);
    }

    private sealed class ThrowingCollector : ISourceCollector
    {
        public bool CanCollect(SourceDescriptor source) => source.Kind == "buggy";

        public Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
        {
            string? missing = context.Now.Year > 0 ? null : "never";
            return Task.FromResult(new SourceRun { Outcome = Fetching.FetchOutcome.Ok, Entries = missing!.Length });
        }
    }
}
