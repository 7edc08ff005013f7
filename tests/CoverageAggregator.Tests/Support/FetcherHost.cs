using CoverageAggregator.Fetching;
using CoverageAggregator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Tests.Support;

/// <summary>
/// A <see cref="Fetcher"/> built as the hosts build it (AddCoverageAggregator over configuration), so the real handler,
/// SSRF guard and resilience pipeline are used: no retries and short limits so that tests stay fast.
/// </summary>
public sealed class FetcherHost : IDisposable
{
    private readonly ServiceProvider _services;

    public FetcherHost(
        IEnumerable<string>? allowedHosts = null, long maxBytes = 1024 * 1024, int timeoutSeconds = 2, int maxRedirects = 3, TimeProvider? time = null,
        int maxRetries = 0, int? totalTimeoutSeconds = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coverage:StoragePrefix"] = "fetchertests",
            ["Coverage:Fetch:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coverage:Fetch:MaxBytes"] = maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coverage:Fetch:MaxRedirects"] = maxRedirects.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coverage:Fetch:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coverage:Fetch:TotalTimeoutSeconds"] = totalTimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var index = 0;
        foreach (var host in allowedHosts ?? [])
        {
            settings[$"Coverage:Fetch:AllowedPrivateHosts:{index++}"] = host;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        _services = services.AddCoverageAggregator(configuration).BuildServiceProvider();
        Fetcher = _services.GetRequiredService<Fetcher>();
    }

    public Fetcher Fetcher { get; }

    /// <summary>A fetcher that may reach the loopback server (as a sources file naming it would allow).</summary>
    public static FetcherHost Allowing(LoopbackServer server, long maxBytes = 1024 * 1024, int timeoutSeconds = 2) =>
        new([new Uri(server.BaseUrl).Authority], maxBytes, timeoutSeconds);

    public Task<FetchResult> GetAsync(string url, string? etag = null) =>
        Fetcher.FetchAsync(new FetchRequest(new Uri(url), etag), CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
