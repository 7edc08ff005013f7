using System.Net;
using System.Text;

namespace CoverageAggregator.Tests.Support;

/// <summary>A loopback API for tests: the first route whose path matches and whose query contains the given text answers; every request is recorded.</summary>
internal sealed class RoutedApi : IAsyncDisposable
{
    private readonly List<(string Path, string? Query, Func<HttpListenerRequest, Reply> Answer)> _routes = [];
    private readonly LoopbackServer _server;
    private readonly List<(string PathAndQuery, string? Authorization, string? UserAgent, string Method, string Body)> _seen = [];

    public RoutedApi() => _server = new LoopbackServer(HandleAsync);

    public string BaseUrl => _server.BaseUrl;

    public IReadOnlyList<(string PathAndQuery, string? Authorization, string? UserAgent, string Method, string Body)> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToList();
            }
        }
    }

    public RoutedApi On(string path, Reply reply, string? queryContains = null) => On(path, _ => reply, queryContains);

    public RoutedApi On(string path, Func<HttpListenerRequest, Reply> answer, string? queryContains = null)
    {
        _routes.Add((path, queryContains, answer));
        return this;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        lock (_seen)
        {
            _seen.Add((request.Url!.PathAndQuery, request.Headers["Authorization"], request.UserAgent, request.HttpMethod, body));
        }

        var query = request.Url!.Query;
        var route = _routes.FirstOrDefault(r => r.Path == request.Url.AbsolutePath && (r.Query is null || query.Contains(r.Query, StringComparison.Ordinal)));
        var reply = route.Answer?.Invoke(request) ?? new Reply(404, "{}");
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        await context.Response.OutputStream.WriteAsync(bytes);
    }
}

internal sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Reply Json(string fixture) => new(200, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Social", fixture)));

    /// <summary>A response recorded from the real service or taken from its documentation (TestData/Social/Recorded, sources in its README).</summary>
    public static Reply Recorded(string fixture) => Json(Path.Combine("Recorded", fixture));

    /// <summary>The access rule of an API: <paramref name="reply"/> only to a request carrying this Authorization, else <paramref name="otherwise"/> (401).</summary>
    public static Reply To(HttpListenerRequest request, string authorization, Reply reply, Reply? otherwise = null) =>
        request.Headers["Authorization"] == authorization ? reply : otherwise ?? new Reply(401, "{\"message\": \"Unauthorized\", \"error\": 401}");

    public static Reply RateLimited(string header, string value) => new(429, "{\"error\":\"rate limited\"}", new Dictionary<string, string> { [header] = value });

    public static Reply Unauthorized() => new(401, "{\"error\":\"unauthorized\"}");

    public static Reply Malformed() => new(200, "{\"posts\": [ {\"uri\": ");
}
