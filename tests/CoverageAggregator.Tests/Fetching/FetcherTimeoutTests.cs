using System.Text;
using CoverageAggregator.Fetching;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Fetching;

/// <summary>The resilience pipeline owns the timeouts: one per attempt (retried) and one for the whole fetch, both honoured.</summary>
public class FetcherTimeoutTests
{
    [Fact]
    public async Task AnAttemptThatTimesOutIsRetriedWithinTheTotalTimeout()
    {
        var calls = 0;
        await using var server = new LoopbackServer(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5)); // the first attempt hangs past its timeout
            }

            await WriteAsync(context, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        });
        using var host = new FetcherHost([new Uri(server.BaseUrl).Authority], timeoutSeconds: 1, maxRetries: 2, totalTimeoutSeconds: 30);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task TheTotalTimeoutEndsTheFetchBeforeEveryRetryIsSpent()
    {
        await using var server = new LoopbackServer(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            await WriteAsync(context, "late");
        });
        using var host = new FetcherHost([new Uri(server.BaseUrl).Authority], timeoutSeconds: 1, maxRetries: 5, totalTimeoutSeconds: 2);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 1, 2); // six attempts of 1 s each do not fit in 2 s
    }

    [Fact]
    public async Task AGetThatFailsWithAServerErrorIsRetriedButAPostIsNot()
    {
        await using var server = new LoopbackServer(context =>
        {
            context.Response.StatusCode = 502;
            return Task.CompletedTask;
        });
        using var host = new FetcherHost([new Uri(server.BaseUrl).Authority], maxRetries: 1);

        await host.GetAsync(server.BaseUrl + "/get");
        await host.Fetcher.FetchAsync(new FetchRequest(new Uri(server.BaseUrl + "/post"), Body: new FetchBody("{}"u8.ToArray(), "application/json")), CancellationToken.None);

        Assert.Equal(2, server.Requests.Count(r => r == "/get"));
        Assert.Equal(1, server.Requests.Count(r => r == "/post"));
    }

    private static async Task WriteAsync(System.Net.HttpListenerContext context, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/rss+xml";
        await context.Response.OutputStream.WriteAsync(bytes);
    }
}
