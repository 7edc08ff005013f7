using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Configuration;
using CoverageAggregator.Configuration.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Cli.Commands;

/// <summary>`coverage doctor`: checks storage, every source and the essays' text, one line each with what to do.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: false);
        var command = new Command("doctor", "Check the setup: storage, each feed, each social platform's credentials, each essay's text. Exits 1 when something needs fixing.") { config };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(config), token));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? config, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(config);
        CoverageConfig sources;
        try
        {
            sources = await host.Services.GetRequiredService<ConfigProvider>().GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is ConfigException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"coverage: bad config: {ex.Message}");
            return ExitCodes.BadConfig;
        }

        var lines = await host.Services.GetRequiredService<SetupDoctor>().CheckAsync(sources, cancellationToken);
        foreach (var line in lines)
        {
            Console.WriteLine(line.ToString());
        }

        var problems = lines.Count(l => l.IsProblem);
        Console.WriteLine(problems == 0 ? $"all {lines.Count} checks passed" : $"{problems} of {lines.Count} checks need fixing (see -> on each line)");
        return problems == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
