using CoverageAggregator.Functions.Telemetry;
using CoverageAggregator.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCoverageAggregator(builder.Configuration);
builder.AddCoverageTelemetry();
builder.Build().Run();
