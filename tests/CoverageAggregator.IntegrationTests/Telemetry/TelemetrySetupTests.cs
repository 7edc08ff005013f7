using Azure.Identity;
using CoverageAggregator.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using OpenTelemetry.Trace;

namespace CoverageAggregator.IntegrationTests.Telemetry;

public class TelemetrySetupTests
{
    [Fact]
    public void WithoutAnApplicationInsightsConnectionStringNothingIsExported()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "";

        builder.AddCoverageTelemetry();

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(TracerProvider));
    }

    [Fact]
    public void WithAnApplicationInsightsConnectionStringTracesAreExported()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

        builder.AddCoverageTelemetry();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(TracerProvider));
    }

    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TheAuthenticationStringChoosesTheManagedIdentity(string? authentication, bool managedIdentity)
    {
        var credential = TelemetrySetup.Credential(authentication);

        Assert.Equal(managedIdentity, credential is ManagedIdentityCredential);
    }
}
