using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.Configuration;

namespace CoverageAggregator.Storage;

/// <summary>
/// The storage account, resolved once: a connection string (COVERAGE_STORAGE, then AzureWebJobsStorage, then local Azurite),
/// or, in Azure, the identity-based form AzureWebJobsStorage__tableServiceUri / __queueServiceUri with DefaultAzureCredential.
/// </summary>
public sealed class StorageClients
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public StorageClients(IConfiguration configuration, CoverageOptions options)
    {
        Prefix = options.StoragePrefix;
        var tableUri = configuration["AzureWebJobsStorage:tableServiceUri"];
        var queueUri = configuration["AzureWebJobsStorage:queueServiceUri"];
        var blobUri = configuration["AzureWebJobsStorage:blobServiceUri"];
        var connection = options.StorageConnection ?? configuration["COVERAGE_STORAGE"] ?? configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(connection) && tableUri is not null && queueUri is not null)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["AzureWebJobsStorage:clientId"] });
            Tables = new TableServiceClient(new Uri(tableUri), credential);
            Queues = new QueueServiceClient(new Uri(queueUri), credential, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            Blobs = new BlobServiceClient(new Uri(blobUri ?? tableUri.Replace(".table.", ".blob.", StringComparison.Ordinal)), credential);
            Description = tableUri;
            return;
        }

        connection = string.IsNullOrWhiteSpace(connection) ? DevelopmentStorage : connection;
        Tables = new TableServiceClient(connection);
        Queues = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Blobs = new BlobServiceClient(connection);
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
}
