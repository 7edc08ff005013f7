using Azure;
using CoverageAggregator.Cli.Commands;
using CoverageAggregator.Configuration;
using CoverageAggregator.Hosting;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoverageAggregator.Cli.Hosting;

/// <summary>Builds the same services the Functions app uses, configured from appsettings, environment and the --config file.</summary>
internal static class CliHost
{
    public static IHost Build(FileInfo? config)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        Configure(builder.Configuration, builder.Logging, config);
        builder.Services.AddCoverageAggregator(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// Builds the host, checks config and storage, then runs the command's work; the exit code of the first failure wins.
    /// <paramref name="warmUp"/> (work that needs the sources file but not storage, and never throws) starts with the
    /// host, alongside the checks, and the command's work does not wait for it: what it builds (the essays' profiles) is
    /// shared, so the work waits only where it needs that, and meanwhile reads storage.
    /// </summary>
    public static async Task<int> RunAsync(
        FileInfo? config, bool requireConfig, Func<IServiceProvider, Task<int>> work, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task>? warmUp = null)
    {
        using var host = Build(config);
        // Stopped when a check fails, so the clear line is not kept waiting for it. Started on the thread pool: its first
        // steps (setting up the HTTP client, reading the sources file) run before its first await and would otherwise hold
        // back the checks. The sources file is read once, by whichever comes first.
        using var warmUpStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var warming = warmUp is null ? Task.CompletedTask : Task.Run(() => WarmUpQuietlyAsync(warmUp, host.Services, warmUpStop.Token), CancellationToken.None);
        try
        {
            if (await PrepareAsync(host.Services, cancellationToken, requireConfig) is { } failed)
            {
                await warmUpStop.CancelAsync();
                return failed;
            }

            return await work(host.Services);
        }
        finally
        {
            await warming; // never throws; the host is disposed only after it
        }
    }

    /// <summary>A warm-up that meets bad settings (while its services are made) leaves them to the check, which reports them.</summary>
    private static async Task WarmUpQuietlyAsync(Func<IServiceProvider, CancellationToken, Task> warmUp, IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await warmUp(services, cancellationToken);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
        }
    }

    public static void Configure(IConfigurationManager configuration, ILoggingBuilder logging, FileInfo? config)
    {
        if (config is not null)
        {
            configuration[$"{CoverageOptions.Section}:{nameof(CoverageOptions.ConfigPath)}"] = config.FullName;
        }

        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    /// <summary>Loads the sources file and checks that storage answers, so a bad setup ends with one clear line.</summary>
    public static async Task<int?> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken, bool requireConfig = true) =>
        await ReadConfigAsync(services, requireConfig, cancellationToken) ?? await CheckStorageAsync(services, cancellationToken);

    private static async Task<int?> ReadConfigAsync(IServiceProvider services, bool requireConfig, CancellationToken cancellationToken)
    {
        try
        {
            _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoverageOptions>>().Value;
            var configs = services.GetRequiredService<ConfigProvider>();
            if (requireConfig || File.Exists(configs.Path))
            {
                await configs.GetAsync(cancellationToken);
            }

            return null;
        }
        catch (ConfigException ex)
        {
            await Console.Error.WriteLineAsync($"coverage: bad config: {ex.Message}");
            return ExitCodes.BadConfig;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"coverage: bad settings: {ex.Message}");
            return ExitCodes.BadConfig;
        }
    }

    private static async Task<int?> CheckStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageClients>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await storage.Table("sources").CreateIfNotExistsAsync(timeout.Token);
            return null;
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(
                $"coverage: storage unreachable at {storage.Description}: {TableHandle.FirstLine(ex)}. Start Azurite (npm run azurite) or set COVERAGE_STORAGE.");
            return ExitCodes.StorageUnavailable;
        }
    }
}
