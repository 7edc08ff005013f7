using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CoverageAggregator.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CoverageAggregator.Functions.Telemetry;

/// <summary>
/// OpenTelemetry to Application Insights: the worker's traces (the Functions invocation and the app's spans), the app's
/// metrics, and its logs. Only when APPLICATIONINSIGHTS_CONNECTION_STRING is set; locally nothing is exported.
/// </summary>
public static class TelemetrySetup
{
    public static FunctionsApplicationBuilder AddCoverageTelemetry(this FunctionsApplicationBuilder builder)
    {
        var connectionString = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var credential = Credential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(CoverageTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(CoverageTelemetry.Name))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = credential;
            });
        return builder;
    }

    /// <summary>
    /// The Entra credential Application Insights needs when its local auth is disabled, from the setting the Functions
    /// host reads too: "Authorization=AAD" with the managed identity, "ClientId=...;" naming a user-assigned one.
    /// </summary>
    public static TokenCredential? Credential(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
