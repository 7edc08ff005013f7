// CoverageAggregator on Azure: `azd up` provisions this and publishes src/CoverageAggregator.Functions.
// Layout after Azure-Samples/functions-quickstart-dotnet-azd, written with plain resources and local modules only
// (no public-registry modules: this builds and lints offline).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; with the subscription and location it makes the unique token in every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource. Flex Consumption runs in these regions.')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'japaneast'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person running azd: may set Key Vault secrets and read/write the storage data (for `coverage` against the real account). Empty for none.')
param principalId string = ''

@description('Kind of principalId: User for a person, ServicePrincipal for a CI identity.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Six-field cron (seconds first) of the collection timer, in UTC.')
param pollSchedule string = '0 */15 * * * *'

@description('Prefix of every table and queue the app creates.')
@minLength(1)
@maxLength(21)
param storagePrefix string = 'coverage'

@description('Most Flex Consumption instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Memory of one instance in MB; 512 is cheaper per second and slower, 4096 for heavy pages.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Local time (HH:mm) the daily digest is built, in digestTimeZone.')
param digestTime string = '08:00'

@description('IANA time zone of digestTime, e.g. Europe/London.')
param digestTimeZone string = 'UTC'

@description('SMTP server for digest e-mail; empty for no e-mail. The password is the Key Vault secret smtp-password.')
param smtpHost string = ''

@description('SMTP user name.')
param smtpUsername string = ''

@description('Sender address of digest e-mail.')
param digestEmailFrom string = 'coverage@localhost'

@description('Recipient of digest e-mail; empty for none.')
param digestEmailTo string = ''

@description('Digest webhook format, slack or teams; empty for no webhook. The URL is the Key Vault secret digest-webhook-url.')
@allowed([
  ''
  'slack'
  'teams'
])
param digestWebhookFormat string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are fixed here, not taken from module outputs, so What-If can predict every resource.
var names = {
  identity: 'id-api-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  deploymentContainer: 'app-package-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-api-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    queueNames: [
      '${storagePrefix}-collect'
    ]
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    identityName: names.identity
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    monitoring
    storage
    keyVault
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: names.deploymentContainer
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    pollSchedule: pollSchedule
    storagePrefix: storagePrefix
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    digest: {
      time: digestTime
      timeZone: digestTimeZone
      smtpHost: smtpHost
      smtpUsername: smtpUsername
      emailFrom: digestEmailFrom
      emailTo: digestEmailTo
      webhookFormat: digestWebhookFormat
    }
  }
  // Names, not outputs, link the modules: order them here. The host reads storage and Key Vault with the
  // identity as it starts, so the roles come first.
  dependsOn: [
    identity
    monitoring
    storage
    keyVault
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
