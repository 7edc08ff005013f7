using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class SourceStatus(CoverageEndpoints endpoints)
{
    [Function(nameof(SourceStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request, CancellationToken cancellationToken) =>
        await endpoints.SourceStatusHtmlAsync(cancellationToken);
}
