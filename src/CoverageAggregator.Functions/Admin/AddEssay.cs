using CoverageAggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.Functions.Admin;

public sealed class AddEssay(AdminEndpoints admin)
{
    [Function(nameof(AddEssay))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "admin/essays")] HttpRequest request, CancellationToken cancellationToken) =>
        await admin.AddEssayAsync(request.Body, cancellationToken);
}
