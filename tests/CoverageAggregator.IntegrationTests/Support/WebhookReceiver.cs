using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>A loopback HTTP receiver for webhooks: records each POST (path and JSON body) and answers the status <see cref="StatusFor"/> picks.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, JsonNode? Body, int Status)> _requests = [];
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>The status of the nth request (0-based) to a path; 200 unless the test says otherwise.</summary>
    public Func<string, int, int> StatusFor { get; set; } = (_, _) => 200;

    public IReadOnlyList<(string Path, JsonNode? Body, int Status)> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<JsonNode?> Delivered(string path) => Requests.Where(r => r.Path == path && r.Status < 300).Select(r => r.Body).ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var text = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            int status;
            lock (_requests)
            {
                status = StatusFor(path, _requests.Count(r => r.Path == path));
                _requests.Add((path, JsonNode.Parse(text), status));
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
