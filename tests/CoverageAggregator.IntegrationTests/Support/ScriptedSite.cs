using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>A web site on 127.0.0.1 whose answers a test scripts (and changes between runs); it counts the requests per path.</summary>
public sealed class ScriptedSite : IAsyncDisposable
{
    private readonly Dictionary<string, Func<HttpContext, IResult>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<ScriptedSite> StartAsync()
    {
        var site = new ScriptedSite();
        (site._app, site.BaseUrl) = await LoopbackKestrel.StartAsync(web => web.Run(site.AnswerAsync));
        return site;
    }

    public ScriptedSite On(string path, Func<HttpContext, IResult> answer)
    {
        lock (_routes)
        {
            _routes[path] = answer;
        }

        return this;
    }

    public int Requests(string path)
    {
        lock (_routes)
        {
            return _requests.GetValueOrDefault(path);
        }
    }

    /// <summary>A feed answer with an ETag, or 304 when the request already holds it.</summary>
    public static IResult Feed(HttpContext context, string xml, string etag)
    {
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(304) : Results.Text(xml, "application/rss+xml; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Func<HttpContext, IResult>? answer;
        lock (_routes)
        {
            _requests[path] = _requests.GetValueOrDefault(path) + 1;
            _routes.TryGetValue(path, out answer);
        }

        return (answer?.Invoke(context) ?? Results.NotFound()).ExecuteAsync(context);
    }
}
