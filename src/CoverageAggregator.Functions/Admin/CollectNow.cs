using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Admin;

public sealed class CollectNow(AdminEndpoints admin)
{
    [Function(nameof(CollectNow))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/collect")] HttpRequest request, CancellationToken cancellationToken) =>
        await admin.CollectNowAsync(cancellationToken);
}
