// The Function App on the Flex Consumption plan (.NET 10 isolated worker) and every app setting it reads.
// tests/CoverageAggregator.IntegrationTests/Deployment/AppSettingsTests.cs checks the names in `appSettings` against the
// settings the code reads, both ways: add a setting there and here together.
param name string
param planName string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
param pollSchedule string
param storagePrefix string
param maximumInstanceCount int
param instanceMemoryMB int
@description('Digest settings: time, timeZone, smtpHost, smtpUsername, emailFrom, emailTo, webhookFormat (main.bicep).')
param digest object

@description('azd deploys to the resource tagged with this service name (azure.yaml).')
param serviceName string = 'api'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// An app setting whose value the platform reads from Key Vault with the app's identity. A secret not created yet
// leaves the reference text in the setting; the app treats that as "not configured".
func secret(vault string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secretName})'

var appSettings = {
  // Storage through the managed identity (identity-based connection); the app reads the same names.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table

  // Telemetry (Entra auth: Application Insights has local auth disabled).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'

  // Trigger binding expressions: %PollSchedule% and %CollectQueue%.
  PollSchedule: pollSchedule
  CollectQueue: '${storagePrefix}-collect'

  // CoverageOptions (section Coverage), defaults as in the code.
  Coverage__ConfigPath: 'sources.json'
  Coverage__StoragePrefix: storagePrefix
  Coverage__PollSchedule: pollSchedule
  Coverage__SourceIntervalMinutes: '15'
  Coverage__MaxConcurrency: '8'
  Coverage__MaxPerHost: '2'
  Coverage__MaxPagesPerSource: '60'
  Coverage__SnapshotIntervalSeconds: '5'
  Coverage__Fetch__UserAgent: 'CoverageAggregator/1.0 (+https://github.com/coverage-aggregator/coverage-aggregator)'
  Coverage__Fetch__TimeoutSeconds: '20'
  // The whole fetch, as the code's default: three attempts of 20 s and two Retry-After waits of 10 s.
  Coverage__Fetch__TotalTimeoutSeconds: '80'
  Coverage__Fetch__MaxBytes: '8388608'
  Coverage__Fetch__MaxRedirects: '5'
  Coverage__Fetch__MaxRetries: '2'
  Coverage__Fetch__MaxRetryAfterSeconds: '10'
  Coverage__GoogleNews__MinIntervalMilliseconds: '1000'
  Coverage__GoogleNews__MaxBackoffMinutes: '60'

  // Social API credentials, from Key Vault (`az keyvault secret set --vault-name <vault> --name <secret> --value ...`).
  Coverage__Credentials__BlueskyIdentifier: secret(keyVaultName, 'bluesky-identifier')
  Coverage__Credentials__BlueskyAppPassword: secret(keyVaultName, 'bluesky-app-password')
  Coverage__Credentials__MastodonAccessToken: secret(keyVaultName, 'mastodon-access-token')
  Coverage__Credentials__RedditClientId: secret(keyVaultName, 'reddit-client-id')
  Coverage__Credentials__RedditClientSecret: secret(keyVaultName, 'reddit-client-secret')
  Coverage__Credentials__RedditBearerToken: secret(keyVaultName, 'reddit-bearer-token')
  Coverage__Credentials__XBearerToken: secret(keyVaultName, 'x-bearer-token')

  // The daily digest, its delivery and alerts (DigestOptions, DeliveryOptions, AlertOptions); the SMTP password from
  // Key Vault. Lists (recipients, webhooks, priority outlets) are set only when configured: see the blocks below.
  DigestCheckSchedule: '0 */5 * * * *'
  Coverage__Digest__Enabled: 'true'
  Coverage__Digest__Time: digest.time
  Coverage__Digest__TimeZone: digest.timeZone
  Coverage__Digest__WhenEmpty: 'skip'
  Coverage__Digest__CheckSchedule: '0 */5 * * * *'
  Coverage__Digest__BaseUrl: 'https://${site.properties.defaultHostName}'
  Coverage__Digest__MaxItems: '50'
  Coverage__Delivery__Email__Host: digest.smtpHost
  Coverage__Delivery__Email__Port: '587'
  Coverage__Delivery__Email__Security: 'auto'
  Coverage__Delivery__Email__Username: digest.smtpUsername
  Coverage__Delivery__Email__Password: secret(keyVaultName, 'smtp-password')
  Coverage__Delivery__Email__From: digest.emailFrom
  Coverage__Alerts__SpikeCount: '0'
  Coverage__Alerts__SpikeWindowMinutes: '60'
}

// Lists exist only when configured: an empty recipient or a webhook without its secret would be a broken delivery.
var digestEmailSettings = empty(digest.emailTo) ? {} : {
  Coverage__Delivery__Email__To__0: digest.emailTo
}

var digestWebhookSettings = empty(digest.webhookFormat) ? {} : {
  Coverage__Delivery__Webhooks__0__Name: 'digest'
  Coverage__Delivery__Webhooks__0__Url: secret(keyVaultName, 'digest-webhook-url')
  Coverage__Delivery__Webhooks__0__Format: digest.webhookFormat
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, digestEmailSettings, digestWebhookSettings)
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
