using CoverageAggregator.Collection;

namespace CoverageAggregator.IntegrationTests.Deployment;

/// <summary>infra/app/api.bicep and the code agree on the app settings, both ways.</summary>
public class AppSettingsTests
{
    [Fact]
    public void EverySettingTheCodeReadsIsSetByTheBicep()
    {
        var missing = AppSettings.ReadByCode()
            .Except(AppSettings.SetByBicep(), StringComparer.OrdinalIgnoreCase)
            .Except(AppSettings.LocalOnly.Keys, StringComparer.OrdinalIgnoreCase)
            .Except(AppSettings.Lists(), StringComparer.OrdinalIgnoreCase)
            .Order()
            .ToList();

        Assert.True(missing.Count == 0, $"the code reads settings infra/app/api.bicep does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EverySettingTheBicepSetsIsReadByTheCodeOrTheHost()
    {
        var unread = AppSettings.SetByBicep()
            .Except(AppSettings.ReadByCode(), StringComparer.OrdinalIgnoreCase)
            .Except(AppSettings.HostOnly.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(setting => !AppSettings.IsPending(setting))
            .Order()
            .ToList();

        Assert.True(unread.Count == 0, $"infra/app/api.bicep sets settings nothing reads: {string.Join(", ", unread)}");
    }

    [Fact]
    public void TheDocumentedExceptionsAgreeWithTheBicep()
    {
        var bicep = AppSettings.SetByBicep();

        Assert.All(AppSettings.LocalOnly.Keys, key => Assert.False(bicep.Contains(key), $"{key}: local-only means not set in Azure"));
        Assert.All(AppSettings.HostOnly.Keys, key => Assert.True(bicep.Contains(key), $"{key}: the host needs it, so the Bicep must set it"));
        Assert.All(AppSettings.PendingPrefixes, prefix => Assert.Contains(bicep, key => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void TheSettingsIncludeTheIdentityStorageTelemetryAndBindingNames()
    {
        var code = AppSettings.ReadByCode();

        Assert.Superset(
            new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__queueServiceUri",
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "PollSchedule", "CollectQueue", "Coverage__Fetch__TimeoutSeconds", "Coverage__Credentials__XBearerToken",
            },
            code.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheCollectQueueSettingNamesTheQueueTheAppSendsTo()
    {
        var bicep = File.ReadAllText(AppSettings.BicepFile);

        Assert.Contains("  Coverage__StoragePrefix: storagePrefix\n", bicep, StringComparison.Ordinal);
        Assert.Contains($"  CollectQueue: '${{storagePrefix}}-{SourceQueue.Name}'\n", bicep, StringComparison.Ordinal);
    }
}
