using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>A web site on 127.0.0.1 whose answers a test scripts (and changes between runs); it counts the requests per path.</summary>
public sealed class ScriptedSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, IResult>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);

    private ScriptedSite(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<ScriptedSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new ScriptedSite(app);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            Func<HttpContext, IResult>? answer;
            lock (site._routes)
            {
                site._requests[path] = site._requests.GetValueOrDefault(path) + 1;
                site._routes.TryGetValue(path, out answer);
            }

            return (answer?.Invoke(context) ?? Results.NotFound()).ExecuteAsync(context);
        });
        await app.StartAsync();
        site.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
