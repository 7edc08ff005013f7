using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.Configuration;

namespace CoverageAggregator.Storage;

/// <summary>
/// The storage account, resolved once, by one code path for every host: a connection string when one is set
/// (Coverage:StorageConnection, COVERAGE_STORAGE, AzureWebJobsStorage; local Azurite when none is), else the identity-based
/// connection Azure Functions defines for AzureWebJobsStorage: __tableServiceUri and __queueServiceUri, with
/// __credential=managedidentity (+ __clientId for a user-assigned identity) for the managed identity, or
/// DefaultAzureCredential (az login, environment) without it.
/// </summary>
public sealed class StorageClients
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public StorageClients(IConfiguration configuration, CoverageOptions options)
        : this(configuration, options, policy: null)
    {
    }

    /// <summary>With a pipeline policy on every request (tests inject faults with it: a crash between two writes).</summary>
    internal StorageClients(IConfiguration configuration, CoverageOptions options, HttpPipelinePolicy? policy)
    {
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var blobOptions = new BlobClientOptions();
        if (policy is not null)
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            queueOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        Prefix = options.StoragePrefix;
        var tableUri = configuration["AzureWebJobsStorage:tableServiceUri"];
        var queueUri = configuration["AzureWebJobsStorage:queueServiceUri"];
        var blobUri = configuration["AzureWebJobsStorage:blobServiceUri"];
        var connection = options.StorageConnection ?? configuration["COVERAGE_STORAGE"] ?? configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(connection) && tableUri is not null && queueUri is not null)
        {
            var credential = Credential(configuration["AzureWebJobsStorage:credential"], configuration["AzureWebJobsStorage:clientId"]);
            Tables = new TableServiceClient(new Uri(tableUri), credential, tableOptions);
            Queues = new QueueServiceClient(new Uri(queueUri), credential, queueOptions);
            Blobs = new BlobServiceClient(new Uri(blobUri ?? tableUri.Replace(".table.", ".blob.", StringComparison.Ordinal)), credential, blobOptions);
            Description = tableUri;
            return;
        }

        if (string.IsNullOrWhiteSpace(connection) && (tableUri ?? queueUri) is not null)
        {
            throw new InvalidOperationException(
                "identity-based storage needs both AzureWebJobsStorage__tableServiceUri and AzureWebJobsStorage__queueServiceUri");
        }

        connection = string.IsNullOrWhiteSpace(connection) ? DevelopmentStorage : connection;
        Tables = new TableServiceClient(connection, tableOptions);
        Queues = new QueueServiceClient(connection, queueOptions);
        Blobs = new BlobServiceClient(connection, blobOptions);
        Description = connection == DevelopmentStorage ? "local Azurite (UseDevelopmentStorage=true)" : Tables.Uri.ToString();
    }

    public TableServiceClient Tables { get; }
    public QueueServiceClient Queues { get; }
    public BlobServiceClient Blobs { get; }
    public string Prefix { get; }
    public string Description { get; }

    public TableClient Table(string name) => Tables.GetTableClient(Prefix + name);

    /// <summary>A blob container named prefix-name (container names allow lowercase letters, digits and hyphens).</summary>
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(Prefix + "-" + name);

    public QueueClient Queue(string name) => Queues.GetQueueClient(Prefix + "-" + name);

    /// <summary>
    /// As the Functions host reads __credential and __clientId: "managedidentity" is the app's managed identity
    /// (the user-assigned one named by clientId, else the system-assigned one); anything else is DefaultAzureCredential.
    /// </summary>
    internal static TokenCredential Credential(string? kind, string? clientId)
    {
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
    }
}
