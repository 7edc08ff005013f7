using CoverageAggregator.Alerts;
using CoverageAggregator.Collection;
using CoverageAggregator.Digest;
using CoverageAggregator.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Hosting;

public static class PublishingServices
{
    /// <summary>Snapshots, digest, delivery channels, alerts and the admin handlers, with their settings.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations()
            .Validate(o => TryZone(o.TimeZone), "Coverage:Digest:TimeZone is not a known time zone")
            .Validate(o => Cronos.CronExpression.TryParse(o.CheckSchedule, Cronos.CronFormat.IncludeSeconds, out _), "Coverage:Digest:CheckSchedule is not a valid six-field cron expression")
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.Webhooks.All(w => Uri.TryCreate(w.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && w.Format is "slack" or "teams"),
                "Coverage:Delivery:Webhooks need an http(s) Url and a Format of slack or teams")
            .ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddHttpClient(WebhookChannel.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<CoverageSnapshots>();
        services.AddSingleton<ICoverageObserver>(sp => sp.GetRequiredService<CoverageSnapshots>());
        services.AddSingleton<DigestStore>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<IDeliveryChannel, SmtpChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<ICoverageObserver>(sp => sp.GetRequiredService<AlertService>());
        services.AddSingleton<Configuration.AdminEssayStore>();
        services.AddSingleton<Configuration.IEssayOverlay>(sp => sp.GetRequiredService<Configuration.AdminEssayStore>());
        services.AddSingleton<AdminEndpoints>();
        return services;
    }

    private static bool TryZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
