using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>Kestrel on 127.0.0.1 serving the public routes from a <see cref="TestHost"/>'s handlers, as `coverage run` does.</summary>
public sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<PageServer> StartAsync(TestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var endpoints = host.Get<CoverageEndpoints>();
        var (app, baseUrl) = await LoopbackKestrel.StartAsync(web =>
        {
            web.MapGet("/api/essays", (CancellationToken token) => endpoints.IndexAsync(token));
            web.MapGet("/api/essays/{id}/coverage", (string id, HttpRequest request, CancellationToken token) =>
                endpoints.CoverageHtmlAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
            web.MapGet("/api/essays/{id}/coverage.json", (string id, HttpRequest request, CancellationToken token) =>
                endpoints.CoverageJsonAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        });
        return new PageServer(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
