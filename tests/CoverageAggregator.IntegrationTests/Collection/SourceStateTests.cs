using System.Net;
using System.Text;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>What a feed's answers do to its stored state: moved, gone, told to wait, or served broken XML.</summary>
public class SourceStateTests
{
    private const string Rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>One</title><link>https://a.example/1</link></item></channel></rss>";

    [Fact]
    public async Task APermanentRedirectMovesTheStoredSourceUrl()
    {
        await using var server = new LoopbackServer(context => context.Request.Url!.AbsolutePath == "/feed.xml"
            ? Answer(context, 301, location: "/moved.xml")
            : Answer(context, 200, Rss));
        await using var run = await SourceRun.StartAsync(server);

        await run.RunAsync();
        var state = await run.StateAsync();
        await run.RunAsync();

        Assert.Equal(server.BaseUrl + "/moved.xml", state.CurrentUrl);
        Assert.Equal(["/feed.xml", "/moved.xml", "/moved.xml"], server.Requests);
    }

    [Fact]
    public async Task GoneDisablesTheSource()
    {
        await using var server = new LoopbackServer(context => Answer(context, 410));
        await using var run = await SourceRun.StartAsync(server);

        await run.RunAsync();
        var report = await run.RunAsync();

        Assert.True((await run.StateAsync()).Disabled);
        Assert.True(report.Deferred);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RetryAfterKeepsTheSourceQuietUntilThenEvenWhenForced()
    {
        await using var server = new LoopbackServer(context => Answer(context, 503, retryAfter: "3600"));
        await using var run = await SourceRun.StartAsync(server);

        await run.RunAsync();
        var report = await run.RunAsync();
        var state = await run.StateAsync();

        Assert.Equal(FetchOutcome.RetryLater, report.Outcome);
        Assert.True(report.Deferred);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.InRange((state.RetryNotBefore!.Value - state.LastAttemptAt!.Value).TotalSeconds, 3600, 3601);
        Assert.True(state.NextDueAt >= state.RetryNotBefore);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task MalformedXmlThatIsRecoveredIsAWarningNotAFailure()
    {
        await using var server = new LoopbackServer(context => Answer(context, 200, Rss.Replace("<title>One</title>", "<title>R & D&nbsp;news</title>", StringComparison.Ordinal)));
        await using var run = await SourceRun.StartAsync(server);

        await run.RunAsync();
        var state = await run.StateAsync();

        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.LastError);
        Assert.Contains("recovered", state.LastWarning, StringComparison.Ordinal);
        Assert.Equal(1, state.LastItemCount);
    }

    [Fact]
    public async Task AnEntityBombIsAFailureWithAClearError()
    {
        await using var server = new LoopbackServer(context => Answer(context, 200,
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>&b;</title></channel></rss>"));
        await using var run = await SourceRun.StartAsync(server);

        var report = await run.RunAsync();
        var state = await run.StateAsync();

        Assert.Equal(FetchOutcome.Failed, report.Outcome);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Contains("entities", state.LastError, StringComparison.Ordinal);
    }

    private static async Task Answer(HttpListenerContext context, int status, string? body = null, string? location = null, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (location is not null)
        {
            context.Response.AddHeader("Location", location);
        }

        if (retryAfter is not null)
        {
            context.Response.AddHeader("Retry-After", retryAfter);
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/rss+xml";
            await context.Response.OutputStream.WriteAsync(bytes);
        }
    }

    /// <summary>One feed source on the loopback server, run through the real SourceRunner on its own Azurite tables.</summary>
    private sealed class SourceRun : IAsyncDisposable
    {
        private readonly TestHost _host;
        private readonly SourceDescriptor _source;

        private SourceRun(TestHost host, SourceDescriptor source)
        {
            _host = host;
            _source = source;
        }

        public static async Task<SourceRun> StartAsync(LoopbackServer server)
        {
            var path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(path, $$"""
                {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","urls":["https://fuse.example/p/the-long-fuse"]}],
                 "feeds":[{"name":"Loopback","url":"{{server.BaseUrl}}/feed.xml"}]}
                """);
            var host = new TestHost(path, new Dictionary<string, string?> { ["Coverage:Fetch:TimeoutSeconds"] = "5", ["Coverage:Fetch:MaxRetries"] = "0" });
            var config = await host.Get<ConfigProvider>().GetAsync(CancellationToken.None);
            return new SourceRun(host, SourceDescriptor.AllOf(config).Single());
        }

        public Task<SourceReport> RunAsync() => _host.Get<SourceRunner>().RunAsync(_source, [], force: true, CancellationToken.None);

        public async Task<SourceState> StateAsync() => (await _host.Get<SourceStateStore>().FindAsync(_source.Id, CancellationToken.None))!;

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }
}
