using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoverageAggregator.Cli.Hosting;

/// <summary>The Functions app's HTTP routes, served by Kestrel with the same handlers.</summary>
internal static class LocalRoutes
{
    public static IEndpointRouteBuilder MapCoverageRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/api/essays"));
        app.MapGet("/api/essays", (CoverageEndpoints endpoints, CancellationToken token) => endpoints.IndexAsync(token));
        app.MapGet("/api/essays/{id}/coverage", (string id, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.CoverageHtmlAsync(id, request.Headers.IfNoneMatch, token));
        app.MapGet("/api/essays/{id}/coverage.json", (string id, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.CoverageJsonAsync(id, request.Headers.IfNoneMatch, token));
        app.MapGet("/api/sources", (CoverageEndpoints endpoints, CancellationToken token) => endpoints.SourcesAsync(token));
        app.MapGet("/api/status", (CoverageEndpoints endpoints, CancellationToken token) => endpoints.SourceStatusHtmlAsync(token));
        return app;
    }
}
