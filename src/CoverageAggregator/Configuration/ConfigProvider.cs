using CoverageAggregator.Fetching;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Configuration;

/// <summary>
/// The sources file, loaded once (or set by the host). The endpoints it names are allowed past the SSRF guard; essays
/// added at run time (the overlays) never are: the allow-list is fixed by the settings and the sources file.
/// </summary>
public sealed class ConfigProvider(IOptions<CoverageOptions> options, AddressGuard guard, IEnumerable<IEssayOverlay> overlays, TimeProvider time)
{
    /// <summary>How long essays added or removed at run time may take to reach another instance.</summary>
    private static readonly TimeSpan OverlayRefresh = TimeSpan.FromSeconds(30);

    private CoverageConfig? _config;
    private Task<CoverageConfig>? _loading;
    private (CoverageConfig Config, DateTimeOffset At)? _overlaid;

    /// <summary>The sources file; a relative path that does not exist from the working folder is taken from the app's folder.</summary>
    public string Path { get; private set; } = Resolve(options.Value.ConfigPath);

    public async Task<CoverageConfig> GetAsync(CancellationToken cancellationToken)
    {
        var file = await GetFileAsync(cancellationToken).ConfigureAwait(false);
        if (!overlays.Any())
        {
            return file;
        }

        if (_overlaid is { } held && time.GetUtcNow() - held.At < OverlayRefresh)
        {
            return held.Config;
        }

        var essays = file.Essays;
        foreach (var overlay in overlays)
        {
            essays = await overlay.ApplyAsync(essays, cancellationToken).ConfigureAwait(false);
        }

        var config = file with { Essays = essays };
        _overlaid = (config, time.GetUtcNow());
        return config;
    }

    /// <summary>
    /// The sources file alone, without the essays added at run time: read once, by whichever caller comes first (the
    /// others wait for that read); a file that cannot be read is read again by the next caller.
    /// </summary>
    public Task<CoverageConfig> GetFileAsync(CancellationToken cancellationToken)
    {
        if (_config is { } config)
        {
            return Task.FromResult(config);
        }

        var loading = Volatile.Read(ref _loading);
        if (loading is null)
        {
            var started = new TaskCompletionSource<CoverageConfig>(TaskCreationOptions.RunContinuationsAsynchronously);
            loading = Interlocked.CompareExchange(ref _loading, started.Task, null);
            if (loading is null)
            {
                _ = LoadAsync(started);
                loading = started.Task;
            }
        }

        return loading.WaitAsync(cancellationToken);
    }

    private async Task LoadAsync(TaskCompletionSource<CoverageConfig> loading)
    {
        try
        {
            var path = Path;
            Use(await ConfigLoader.LoadAsync(path, CancellationToken.None).ConfigureAwait(false), path);
            loading.SetResult(_config!);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _loading, null);
            loading.SetException(ex);
        }
    }

    /// <summary>Reads the overlays again on the next call (after an essay was added or removed here).</summary>
    public void Refresh() => _overlaid = null;

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
        _overlaid = null;
    }
}
