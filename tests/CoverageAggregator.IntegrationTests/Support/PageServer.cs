using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoints = host.Get<CoverageEndpoints>();
        app.MapGet("/api/essays", (CancellationToken token) => endpoints.IndexAsync(token));
        app.MapGet("/api/essays/{id}/coverage", (string id, HttpRequest request, CancellationToken token) =>
            endpoints.CoverageHtmlAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        app.MapGet("/api/essays/{id}/coverage.json", (string id, HttpRequest request, CancellationToken token) =>
            endpoints.CoverageJsonAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PageServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
