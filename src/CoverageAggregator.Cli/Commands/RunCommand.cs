using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Cli.Commands;

/// <summary>`coverage run`: the main job. Collects on the schedule and serves the Functions app's routes on localhost:7071.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: false);
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://localhost:7071" };
        var command = new Command("run", "Collect on the configured schedule and serve the coverage pages and API (like `func start`).") { config, urls };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(config), parse.GetValue(urls)!, token));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? config, string urls, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        CliHost.Configure(builder.Configuration, builder.Logging, config);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddCoverageAggregator(builder.Configuration);
        builder.Services.AddHostedService<CollectionScheduler>();
        builder.Services.AddHostedService<DigestScheduler>();
        await using var app = builder.Build();
        if (await CliHost.PrepareAsync(app.Services, cancellationToken) is { } exit)
        {
            return exit;
        }

        app.MapCoverageRoutes();
        Console.WriteLine($"serving on {urls} (coverage pages at {urls.TrimEnd('/')}/api/essays); Ctrl+C stops");
        await app.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
