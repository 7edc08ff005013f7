using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class CoverageJson(CoverageEndpoints endpoints)
{
    [Function(nameof(CoverageJson))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "essays/{id}/coverage.json")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await endpoints.CoverageJsonAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, cancellationToken);
}
