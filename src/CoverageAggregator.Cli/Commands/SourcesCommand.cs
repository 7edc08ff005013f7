using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Publishing;
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
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var rows = await services.GetRequiredService<CoverageEndpoints>().SourceHealthAsync(cancellationToken);
            var table = new Table().AddColumns("source", "kind", "status", "last success", "failures", "next due", "pending", "last error or warning");
            foreach (var row in rows)
            {
                var nextDue = row.RetryNotBefore > row.NextDueAt ? row.RetryNotBefore : row.NextDueAt;
                table.AddRow(
                    Markup.Escape(row.Name), Markup.Escape(row.Kind), Markup.Escape(row.Status(now)), row.LastSuccessAt?.ToString("u") ?? "never",
                    row.ConsecutiveFailures.ToString(), row.Disabled ? "disabled" : nextDue?.ToString("u") ?? "now", (row.PendingEntries ?? 0).ToString(),
                    Markup.Escape(row.LastError ?? row.LastWarning ?? ""));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken);
}
