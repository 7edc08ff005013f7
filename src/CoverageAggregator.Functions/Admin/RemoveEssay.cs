using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Admin;

public sealed class RemoveEssay(AdminEndpoints admin)
{
    [Function(nameof(RemoveEssay))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "admin/essays/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await admin.RemoveEssayAsync(id, cancellationToken);
}
