using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class SourceHealth(CoverageEndpoints endpoints)
{
    [Function(nameof(SourceHealth))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sources")] HttpRequest request, CancellationToken cancellationToken) =>
        await endpoints.SourcesAsync(cancellationToken);
}
