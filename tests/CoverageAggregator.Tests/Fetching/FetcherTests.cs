using System.IO.Compression;
using System.Net;
using System.Text;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Fetching;

/// <summary>Serialised: the memory checks read the process-wide allocation counter.</summary>
[CollectionDefinition(nameof(FetcherTests), DisableParallelization = true)]
public sealed class FetcherCollection;

/// <summary>The fetcher against a loopback server, built as DI builds it; every hostile answer ends in a clear error.</summary>
[Collection(nameof(FetcherTests))]
public class FetcherTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task ADoctypeBombIsRefusedWithoutExpandingIt()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a0 \"dos\">\n");
        for (var i = 1; i <= 10; i++)
        {
            bomb.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">\n");
        }

        bomb.Append("]>\n<rss version=\"2.0\"><channel><title>&a10;</title><item><title>&a10;</title></item></channel></rss>");
        await using var server = Serve(bomb.ToString());
        using var host = FetcherHost.Allowing(server);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await host.GetAsync(server.BaseUrl + "/feed");
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(result.Body, result.FinalUrl, result.Charset));

        Assert.Contains("entities", error.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 32 * Megabyte);
    }

    [Fact]
    public async Task AnExternalEntityIsNeverResolved()
    {
        await using var server = new LoopbackServer(context => context.Request.Url!.AbsolutePath == "/evil.dtd"
            ? Write(context, "<!ENTITY secret \"leaked\">", "application/xml-dtd")
            : Write(context, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>"));
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Throws<FeedFormatException>(() => FeedParser.Parse(result.Body, result.FinalUrl));
        Assert.DoesNotContain("/evil.dtd", server.Requests);
    }

    [Fact]
    public async Task AnExternalDtdIsNeverFetched()
    {
        await using var server = new LoopbackServer(context => Write(context, context.Request.Url!.AbsolutePath == "/evil.dtd"
            ? "<!ENTITY title \"leaked\">"
            : $"<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:{context.Request.Url.Port}/evil.dtd\">"
                + "<rss version=\"2.0\"><channel><title>T</title><item><title>Safe</title><link>https://a.example/1</link></item></channel></rss>"));
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/feed");
        var feed = FeedParser.Parse(result.Body, result.FinalUrl);

        Assert.Equal("Safe", Assert.Single(feed.Entries).Title);
        Assert.Equal(["/feed"], server.Requests);
    }

    [Fact]
    public async Task AGzipBombIsCutAtTheCapAfterDecompression()
    {
        // 64 gzip members of 16 MiB of zeros each: about 1 GiB decompressed, about 1 MiB on the wire.
        var member = Gzip(new byte[16 * Megabyte]);
        await using var server = new LoopbackServer(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.AddHeader("Content-Encoding", "gzip");
            context.Response.SendChunked = true;
            for (var i = 0; i < 64; i++)
            {
                await context.Response.OutputStream.WriteAsync(member);
            }
        });
        using var host = FetcherHost.Allowing(server, maxBytes: 8 * Megabyte);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("after decompression", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Body);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 64 * Megabyte);
    }

    [Fact]
    public async Task AFiftyMegabyteFeedIsCutAtTheCap()
    {
        var item = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>Filler</title><link>https://a.example/x</link></item>\n", 1000)));
        await using var server = new LoopbackServer(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.SendChunked = true;
            await context.Response.OutputStream.WriteAsync("<rss version=\"2.0\"><channel>"u8.ToArray());
            for (long sent = 0; sent < 50 * Megabyte; sent += item.Length)
            {
                await context.Response.OutputStream.WriteAsync(item);
            }
        });
        using var host = FetcherHost.Allowing(server, maxBytes: 8 * Megabyte);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("cap", result.Error, StringComparison.Ordinal);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 64 * Megabyte);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheCapIsRefusedBeforeReading()
    {
        await using var server = new LoopbackServer(async context =>
        {
            context.Response.ContentLength64 = 50 * Megabyte;
            await context.Response.OutputStream.WriteAsync(new byte[64 * 1024]);
        });
        using var host = FetcherHost.Allowing(server, maxBytes: 8 * Megabyte);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("exceeds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowDripResponseEndsAtTheTotalDeadline()
    {
        await using var server = new LoopbackServer(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.SendChunked = true;
            for (var i = 0; i < 600; i++)
            {
                await context.Response.OutputStream.WriteAsync("<"u8.ToArray());
                await context.Response.OutputStream.FlushAsync();
                await Task.Delay(100);
            }
        });
        using var host = FetcherHost.Allowing(server, timeoutSeconds: 1);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectLoopIsStopped()
    {
        await using var server = new LoopbackServer(context => Redirect(context, context.Request.Url!.AbsolutePath == "/a" ? "/b" : "/a"));
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/a");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("redirect loop", result.Error, StringComparison.Ordinal);
        Assert.Equal(["/a", "/b"], server.Requests);
    }

    [Fact]
    public async Task TooManyRedirectsAreStopped()
    {
        await using var server = new LoopbackServer(context =>
            Redirect(context, "/r" + (int.Parse(context.Request.Url!.AbsolutePath[2..], System.Globalization.CultureInfo.InvariantCulture) + 1)));
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/r0");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("more than 3 redirects", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task APermanentRedirectReportsTheNewUrl()
    {
        await using var server = new LoopbackServer(context => context.Request.Url!.AbsolutePath == "/old"
            ? Redirect(context, "/new", 301)
            : Write(context, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"));
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/old");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(new Uri(server.BaseUrl + "/new"), result.MovedPermanentlyTo);
    }

    [Fact]
    public async Task AMatchingETagIsAnswered304AndCostsNoBody()
    {
        var ifNoneMatch = new List<string?>();
        await using var server = new LoopbackServer(context =>
        {
            lock (ifNoneMatch)
            {
                ifNoneMatch.Add(context.Request.Headers["If-None-Match"]);
            }

            context.Response.AddHeader("ETag", "\"v1\"");
            if (context.Request.Headers["If-None-Match"] == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            return Write(context, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        });
        using var host = FetcherHost.Allowing(server);

        var first = await host.GetAsync(server.BaseUrl + "/feed");
        var second = await host.GetAsync(server.BaseUrl + "/feed", first.ETag);

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Empty(second.Body);
        Assert.Equal([null, "\"v1\""], ifNoneMatch);
    }

    [Fact]
    public async Task AMatchingLastModifiedIsAnswered304()
    {
        await using var server = new LoopbackServer(context =>
        {
            context.Response.AddHeader("Last-Modified", "Fri, 16 Oct 2026 07:02:00 GMT");
            if (context.Request.Headers["If-Modified-Since"] == "Fri, 16 Oct 2026 07:02:00 GMT")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            return Write(context, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        });
        using var host = FetcherHost.Allowing(server);

        var first = await host.GetAsync(server.BaseUrl + "/feed");
        var second = await host.Fetcher.FetchAsync(new FetchRequest(new Uri(server.BaseUrl + "/feed"), null, first.LastModified), CancellationToken.None);

        Assert.Equal("Fri, 16 Oct 2026 07:02:00 GMT", first.LastModified);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
    }

    [Fact]
    public async Task TheHttpCharsetReachesTheParserAndOverridesTheXmlDeclaration()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = Encoding.GetEncoding(1252).GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Siobhán’s £5</title><link>https://a.example/1</link></item></channel></rss>");
        await using var server = new LoopbackServer(async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=windows-1252";
            await context.Response.OutputStream.WriteAsync(body);
        });
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/feed");
        var feed = FeedParser.Parse(result.Body, result.FinalUrl, result.Charset);

        Assert.Equal("windows-1252", result.Charset);
        Assert.Equal("Siobhán’s £5", Assert.Single(feed.Entries).Title);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RetryAfterIsReportedAsRetryLaterWithItsDelay(int status)
    {
        await using var server = new LoopbackServer(context =>
        {
            context.Response.StatusCode = status;
            context.Response.AddHeader("Retry-After", "120");
            return Task.CompletedTask;
        });
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ARetryAfterDateIsADelayFromNow()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var server = new LoopbackServer(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.AddHeader("Retry-After", "Wed, 25 Nov 2026 12:10:00 GMT");
            return Task.CompletedTask;
        });
        using var host = new FetcherHost([new Uri(server.BaseUrl).Authority], time: time);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
    }

    [Fact]
    public async Task GoneIsReportedAsGone()
    {
        await using var server = new LoopbackServer(context =>
        {
            context.Response.StatusCode = 410;
            return Task.CompletedTask;
        });
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Gone, result.Outcome);
        Assert.Contains("410", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackIsRefusedUnlessAllowed()
    {
        await using var server = Serve("<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        using var host = new FetcherHost();

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.7/feed")]
    [InlineData("http://localhost:{port}/feed")]
    public async Task ARedirectToAPrivateAddressIsRefused(string target)
    {
        await using var server = new LoopbackServer(context => Redirect(context, target.Replace("{port}", context.Request.Url!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        using var host = FetcherHost.Allowing(server);

        var result = await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Equal(["/feed"], server.Requests);
    }

    [Fact]
    public async Task EveryRequestSaysWhoIsAskingWithAContactUrl()
    {
        string? userAgent = null;
        await using var server = new LoopbackServer(context =>
        {
            userAgent = context.Request.UserAgent;
            return Write(context, "<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        });
        using var host = FetcherHost.Allowing(server);

        await host.GetAsync(server.BaseUrl + "/feed");

        Assert.Matches(@"^CoverageAggregator/\S+ \(\+https?://\S+\)$", userAgent);
    }

    private static LoopbackServer Serve(string body) => new(context => Write(context, body));

    private static async Task Write(HttpListenerContext context, string body, string contentType = "application/rss+xml")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    private static Task Redirect(HttpListenerContext context, string location, int status = 302)
    {
        context.Response.StatusCode = status;
        context.Response.AddHeader("Location", location);
        return Task.CompletedTask;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
