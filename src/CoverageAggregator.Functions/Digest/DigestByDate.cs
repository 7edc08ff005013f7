using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Digest;

public sealed class DigestByDate(CoverageEndpoints endpoints)
{
    [Function(nameof(DigestByDate))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "essays/{id}/digest/{date}")] HttpRequest request, string id, string date, CancellationToken cancellationToken) =>
        await endpoints.DigestAsync(id, date, request.Query["format"] == "text", cancellationToken);
}
