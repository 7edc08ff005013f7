using Azure.Identity;
using CoverageAggregator.Configuration;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;

namespace CoverageAggregator.Tests.Storage;

/// <summary>The settings names are those Azure Functions defines for an identity-based AzureWebJobsStorage connection.</summary>
public class StorageClientsTests
{
    private static StorageClients Clients(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new CoverageOptions());

    private static readonly Dictionary<string, string?> IdentitySettings = new()
    {
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stexample.table.core.windows.net/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stexample.queue.core.windows.net/",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stexample.blob.core.windows.net/",
    };

    [Fact]
    public void IdentityBasedSettingsReachTheServiceUrisWithTheManagedIdentity()
    {
        var clients = Clients(IdentitySettings);

        Assert.Equal("stexample.table.core.windows.net", clients.Tables.Uri.Host);
        Assert.Equal("stexample.queue.core.windows.net", clients.Queues.Uri.Host);
    }

    [Fact]
    public void WithoutTheManagedIdentityCredentialSettingTheDefaultCredentialChainIsUsed()
    {
        Assert.IsType<DefaultAzureCredential>(StorageClients.Credential(null, null));
        Assert.IsType<ManagedIdentityCredential>(StorageClients.Credential("managedidentity", null));
        Assert.IsType<ManagedIdentityCredential>(StorageClients.Credential("ManagedIdentity", "00000000-0000-0000-0000-000000000001"));
    }

    [Fact]
    public void AConnectionStringWinsOverIdentitySettings()
    {
        var settings = new Dictionary<string, string?>(IdentitySettings) { ["COVERAGE_STORAGE"] = StorageClients.DevelopmentStorage };

        var clients = Clients(settings);

        Assert.Equal("127.0.0.1", clients.Tables.Uri.Host);
    }

    [Fact]
    public void NoSettingsAtAllMeansLocalAzurite()
    {
        var clients = Clients([]);

        Assert.Equal("127.0.0.1", clients.Queues.Uri.Host);
        Assert.Contains("Azurite", clients.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableUriWithoutAQueueUriIsAClearError()
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage:tableServiceUri"] = "https://stexample.table.core.windows.net/" };

        var error = Assert.Throws<InvalidOperationException>(() => Clients(settings));

        Assert.Contains("queueServiceUri", error.Message, StringComparison.Ordinal);
    }
}
