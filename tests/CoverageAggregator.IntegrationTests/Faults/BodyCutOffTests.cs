using CoverageAggregator.Fetching;
using CoverageAggregator.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;

namespace CoverageAggregator.IntegrationTests.Faults;

/// <summary>
/// A connection that drops after the headers, halfway through the body (a busy server, a proxy that gives up): a GET
/// is asked for once more, since the resilience handler only retries what fails before the headers.
/// </summary>
public class BodyCutOffTests
{
    private static readonly string Feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title>"
        + string.Concat(Enumerable.Range(0, 200).Select(i => $"<item><title>Story {i}</title><link>https://cut.example/{i}</link></item>"))
        + "</channel></rss>";

    [Fact]
    public async Task ABodyCutOffOnceIsReadWholeFromASecondRequest()
    {
        await using var site = await ScriptedSite.StartAsync();
        var answers = 0;
        site.On("/feed", _ => Interlocked.Increment(ref answers) == 1 ? new CutOff(Feed) : Results.Text(Feed, "application/rss+xml"));
        await using var host = await HostReadingAsync(site);

        var result = await host.Get<Fetcher>().FetchAsync(new FetchRequest(new Uri(site.BaseUrl + "/feed"), null, null, "*/*"), CancellationToken.None);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(Feed, System.Text.Encoding.UTF8.GetString(result.Body));
        Assert.Equal(2, site.Requests("/feed"));
    }

    [Fact]
    public async Task ABodyCutOffEveryTimeFailsAfterTheSecondRequestWithWhatTheConnectionSaid()
    {
        await using var site = await ScriptedSite.StartAsync();
        site.On("/feed", _ => new CutOff(Feed));
        await using var host = await HostReadingAsync(site);

        var result = await host.Get<Fetcher>().FetchAsync(new FetchRequest(new Uri(site.BaseUrl + "/feed"), null, null, "*/*"), CancellationToken.None);

        Assert.False(result.IsOk);
        Assert.True(result.MayPassLater, "a cut-off body is tried again in a later run");
        Assert.Contains("connection", result.Error, StringComparison.OrdinalIgnoreCase); // "connection reset by peer", as Kestrel drops it
        Assert.Equal(2, site.Requests("/feed"));
    }

    /// <summary>A host whose sources file names the site's feed (so the fetcher may reach the loopback site).</summary>
    private static async Task<TestHost> HostReadingAsync(ScriptedSite site)
    {
        var host = new TestHost(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed.Replace("http://127.0.0.1:9/feed.xml", site.BaseUrl + "/feed", StringComparison.Ordinal)));
        await host.Get<CoverageAggregator.Configuration.ConfigProvider>().GetAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Announces the whole body, sends a tenth of it, and drops the connection once that much has arrived.</summary>
    private sealed class CutOff(string body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            httpContext.Response.ContentType = "application/rss+xml";
            httpContext.Response.ContentLength = bytes.Length;
            await httpContext.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 10));
            await httpContext.Response.Body.FlushAsync();
            await Task.Delay(100); // the headers are read before the drop (one before them is the resilience handler's to retry)
            httpContext.Abort();
        }
    }
}
