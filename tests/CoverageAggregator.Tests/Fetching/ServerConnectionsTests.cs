using System.Net;
using System.Net.Sockets;
using System.Text;
using CoverageAggregator.Fetching;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Fetching;

/// <summary>RFC 9112 §9.3: an HTTP/1.0 answer without keep-alive ends its connection, so the next request to that server opens a new one.</summary>
public class ServerConnectionsTests
{
    [Fact]
    public async Task AServerThatAnswersHttp10WithoutKeepAliveGetsAConnectionPerRequestFromThenOn()
    {
        using var pooled = new Answering(HttpVersion.Version10);
        using var oneShot = new Answering(HttpVersion.Version10);
        using var connections = new HttpMessageInvoker(new ServerConnections(pooled, oneShot));

        foreach (var url in new[] { "http://old.example/a", "http://old.example/b", "http://old.example:8080/c", "http://old.example/d" })
        {
            using var response = await connections.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), CancellationToken.None);
        }

        Assert.Equal(["/a", "/c"], pooled.Paths);
        Assert.Equal(["/b", "/d"], oneShot.Paths);
    }

    [Theory]
    [InlineData("1.0", "keep-alive", false)]
    [InlineData("1.0", "Keep-Alive", false)]
    [InlineData("1.0", null, true)]
    [InlineData("1.0", "close", true)]
    [InlineData("1.1", null, false)]
    public void OnlyAnHttp10AnswerWithoutKeepAliveEndsItsConnection(string version, string? connection, bool ends)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = Version.Parse(version) };
        if (connection is not null)
        {
            response.Headers.Connection.Add(connection);
        }

        Assert.Equal(ends, ServerConnections.EndsConnection(response));
    }

    [Fact]
    public async Task TheFetcherNeverSendsASecondRequestOnAConnectionAnHttp10ServerMeantToEnd()
    {
        // Each connection gets one HTTP/1.0 answer without keep-alive, then is left open and never read again: a request
        // sent on it again would wait out its timeout.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                lock (held)
                {
                    held.Add(client);
                }

                _ = AnswerOnceAsync(client);
            }
        });
        var authority = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        using var host = new FetcherHost([authority], timeoutSeconds: 2);

        var results = new List<FetchResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await host.GetAsync($"http://{authority}/feed/{i}"));
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(3, connections);
    }

    private static async Task AnswerOnceAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var body = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
    }

    /// <summary>Answers every request with an empty 200 of one HTTP version, and records the paths it was asked for.</summary>
    private sealed class Answering(Version version) : HttpMessageHandler
    {
        public List<string> Paths { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Add(request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Version = version, RequestMessage = request });
        }
    }
}
