using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Collection;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Cli.Commands;

/// <summary>`coverage collect`: one full cycle of every source, now.</summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: false);
        var command = new Command("collect", "Collect every source once, now. Exits 0 when the cycle completes, even if some sources failed.") { config };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(config), token));
        return command;
    }

    private static Task<int> RunAsync(FileInfo? config, CancellationToken cancellationToken) =>
        CliHost.RunAsync(config, requireConfig: true, async services =>
        {
            var cycle = services.GetRequiredService<CollectionCycle>();
            var reports = await ProgressDisplay.RunAsync(progress => cycle.RunAsync(progress, cancellationToken));
            ProgressDisplay.Summarize(reports);
            return ExitCodes.Ok;
        }, cancellationToken, warmUp: (services, token) => services.GetRequiredService<CycleWarmUp>().RunAsync(token));
}
