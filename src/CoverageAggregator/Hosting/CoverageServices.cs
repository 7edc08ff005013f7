using CoverageAggregator.Alerts;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Digest;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Publishing;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Bluesky;
using CoverageAggregator.Sources.HackerNews;
using CoverageAggregator.Sources.Mastodon;
using CoverageAggregator.Sources.Reddit;
using CoverageAggregator.Sources.X;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Hosting;

public static class CoverageServices
{
    /// <summary>Everything the core needs, for any host: options, fetching, storage, the pipeline and the HTTP handlers.</summary>
    public static IServiceCollection AddCoverageAggregator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CoverageOptions>()
            .Bind(configuration.GetSection(CoverageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.PollSchedule, Cronos.CronFormat.IncludeSeconds, out _), "Coverage:PollSchedule is not a valid six-field cron expression")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AddressGuard(sp.GetRequiredService<IOptions<CoverageOptions>>().Value.Fetch.AllowedPrivateHosts));
        services.AddFetching();
        services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        services.AddSingleton<ConfigProvider>();
        services.AddSingleton(sp => new StorageClients(configuration, sp.GetRequiredService<IOptions<CoverageOptions>>().Value));
        services.AddSingleton<CoverageStore>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<SeenEntryStore>();
        services.AddSingleton<WaitingEntryStore>();
        services.AddSingleton<WaitingEntries>();
        services.AddSingleton<EssayStore>();
        services.AddSingleton<GoogleNewsDecoder>();
        services.AddSingleton<PageResolver>();
        services.AddSingleton<CandidateResolver>();
        services.AddSingleton<CoverageJudge>();
        services.AddSingleton<CoveragePipeline>();
        services.AddSingleton<EssayProfiles>();
        services.AddSingleton<ISourceCollector, FeedCollector>();
        services.AddSingleton<ISourceCollector, BlueskyCollector>();
        services.AddSingleton<ISourceCollector, MastodonCollector>();
        services.AddSingleton<ISourceCollector, RedditCollector>();
        services.AddSingleton<ISourceCollector, HackerNewsCollector>();
        services.AddSingleton<ISourceCollector, XCollector>();
        services.AddSingleton<SourceRunner>();
        services.AddSingleton<CollectionCycle>();
        services.AddSingleton<CycleWarmUp>();
        services.AddSingleton<SourceQueue>();
        services.AddSingleton<ScheduledCollection>();
        services.AddSingleton<CoverageEndpoints>();
        services.AddSingleton<Configuration.Discovery.EssayDiscovery>();
        services.AddSingleton<Configuration.Checks.SetupDoctor>();
        services.AddPublishing(configuration);
        return services;
    }
}
