using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class CoverageHtml(CoverageEndpoints endpoints)
{
    [Function(nameof(CoverageHtml))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "essays/{id}/coverage")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await endpoints.CoverageHtmlAsync(id, CoverageFilter.FromQuery(request.Query), request.Headers.IfNoneMatch, cancellationToken);
}
