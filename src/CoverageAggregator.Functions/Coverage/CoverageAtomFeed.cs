using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class CoverageAtomFeed(CoverageEndpoints endpoints)
{
    [Function(nameof(CoverageAtomFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "essays/{id}/coverage.atom")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await endpoints.CoverageAtomAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, cancellationToken);
}
