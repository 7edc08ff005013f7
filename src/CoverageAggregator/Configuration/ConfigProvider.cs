using CoverageAggregator.Fetching;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Configuration;

/// <summary>The sources file, loaded once (or set by the host). The endpoints it names are allowed past the SSRF guard.</summary>
public sealed class ConfigProvider(IOptions<CoverageOptions> options, AddressGuard guard)
{
    private CoverageConfig? _config;

    /// <summary>The sources file; a relative path that does not exist from the working folder is taken from the app's folder.</summary>
    public string Path { get; private set; } = Resolve(options.Value.ConfigPath);

    public async Task<CoverageConfig> GetAsync(CancellationToken cancellationToken)
    {
        if (_config is null)
        {
            Use(await ConfigLoader.LoadAsync(Path, cancellationToken).ConfigureAwait(false), Path);
        }

        return _config!;
    }

    private static string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) || File.Exists(path) ? path : System.IO.Path.Combine(AppContext.BaseDirectory, path);

    public void Use(CoverageConfig config, string origin)
    {
        Path = origin;
        config = options.Value.Credentials.ApplyTo(config);
        guard.AllowHostsOf(config.Feeds.Select(f => f.Url)
            .Concat(config.Social.Select(s => s.BaseUrl).OfType<string>())
            .Concat(config.Essays.Select(e => e.FetchUrl).OfType<string>()));
        _config = config;
    }
}
