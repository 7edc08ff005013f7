using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Coverage;

public sealed class EssayIndex(CoverageEndpoints endpoints)
{
    [Function(nameof(EssayIndex))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "essays")] HttpRequest request, CancellationToken cancellationToken) =>
        await endpoints.IndexAsync(cancellationToken);
}
