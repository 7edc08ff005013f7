using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Cli.Hosting;

/// <summary>The Functions app's HTTP routes, served by Kestrel with the same handlers; admin routes need the X-Api-Key header.</summary>
internal static class LocalRoutes
{
    public static IEndpointRouteBuilder MapCoverageRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/api/essays"));
        app.MapGet("/api/essays", (CoverageEndpoints endpoints, CancellationToken token) => endpoints.IndexAsync(token));
        app.MapGet("/api/essays/{id}/coverage", (string id, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.CoverageHtmlAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        app.MapGet("/api/essays/{id}/coverage.json", (string id, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.CoverageJsonAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        app.MapGet("/api/essays/{id}/coverage.atom", (string id, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.CoverageAtomAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        app.MapGet("/api/essays/{id}/coverage.csv", (string id, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.CoverageCsvAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, token));
        app.MapGet("/api/essays/{id}/digest/{date}", (string id, string date, HttpRequest request, CoverageEndpoints endpoints, CancellationToken token) =>
            endpoints.DigestAsync(id, date, request.Query["format"] == "text", token));
        app.MapGet("/api/sources", (CoverageEndpoints endpoints, CancellationToken token) => endpoints.SourcesAsync(token));
        app.MapGet("/api/status", (CoverageEndpoints endpoints, CancellationToken token) => endpoints.SourceStatusHtmlAsync(token));

        var admin = app.MapGroup("/api/admin").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.Accepts(context.HttpContext.Request.Headers[AdminOptions.Header])
                ? await next(context)
                : HttpReply.Unauthorized());
        admin.MapPost("/collect", (AdminEndpoints endpoints, CancellationToken token) => endpoints.CollectNowAsync(token));
        admin.MapPost("/essays", (HttpRequest request, AdminEndpoints endpoints, CancellationToken token) => endpoints.AddEssayAsync(request.Body, token));
        admin.MapDelete("/essays/{id}", (string id, AdminEndpoints endpoints, CancellationToken token) => endpoints.RemoveEssayAsync(id, token));
        return app;
    }
}
