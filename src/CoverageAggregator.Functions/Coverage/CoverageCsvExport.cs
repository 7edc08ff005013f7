using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class CoverageCsvExport(CoverageEndpoints endpoints)
{
    [Function(nameof(CoverageCsvExport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "essays/{id}/coverage.csv")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await endpoints.CoverageCsvAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, cancellationToken);
}
