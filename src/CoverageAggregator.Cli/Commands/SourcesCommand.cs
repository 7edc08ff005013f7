using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CoverageAggregator.Cli.Commands;

/// <summary>`coverage sources`: the health of every source.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: false);
        var command = new Command("sources", "Show each source's last success, last error, failures and next due time.") { config };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(config), token));
        return command;
    }

    private static Task<int> RunAsync(FileInfo? config, CancellationToken cancellationToken) =>
        CliHost.RunAsync(config, requireConfig: true, async services =>
        {
            var sources = SourceDescriptor.AllOf(await services.GetRequiredService<ConfigProvider>().GetAsync(cancellationToken));
            var states = (await services.GetRequiredService<SourceStateStore>().ListAsync(cancellationToken)).ToDictionary(s => s.RowKey);
            var table = new Table().AddColumns("source", "kind", "last success", "failures", "next due", "last error");
            foreach (var source in sources)
            {
                states.TryGetValue(source.Id, out var state);
                table.AddRow(
                    Markup.Escape(source.Name), source.Kind, state?.LastSuccessAt?.ToString("u") ?? "never", (state?.ConsecutiveFailures ?? 0).ToString(),
                    state?.Disabled == true ? "disabled" : state?.NextDueAt?.ToString("u") ?? "now", Markup.Escape(state?.LastError ?? ""));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken);
}
