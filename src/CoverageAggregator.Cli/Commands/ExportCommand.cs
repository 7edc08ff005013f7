using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Cli.Commands;

/// <summary>`coverage export`: the JSON export or the HTML page of one essay, to a file.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: false);
        var essay = new Option<string>("--essay", "-e") { Description = "The essay id", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "json, html, atom or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "html", "atom", "csv");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The file to write; standard output when absent" };
        var command = new Command("export", "Write an essay's coverage as JSON, the HTML page, an Atom feed or CSV.") { config, essay, format, output };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(config), parse.GetValue(essay)!, parse.GetValue(format)!, parse.GetValue(output), token));
        return command;
    }

    private static Task<int> RunAsync(FileInfo? config, string essayId, string format, FileInfo? output, CancellationToken cancellationToken) =>
        CliHost.RunAsync(config, requireConfig: config is not null, async services =>
        {
            var export = await services.GetRequiredService<CoverageEndpoints>().BuildExportAsync(essayId, cancellationToken);
            if (export is null)
            {
                await Console.Error.WriteLineAsync($"coverage: no essay with id \"{essayId}\" in the sources file");
                return ExitCodes.BadConfig;
            }

            var text = format switch
            {
                "html" => CoveragePage.Render(export),
                "atom" => CoverageAtom.Render(export),
                "csv" => CoverageCsv.Render(export),
                _ => export.ToJson(),
            };
            if (output is null)
            {
                await Console.Out.WriteAsync(text);
            }
            else
            {
                output.Directory?.Create();
                var temp = output.FullName + ".tmp";
                await File.WriteAllTextAsync(temp, text, cancellationToken);
                File.Move(temp, output.FullName, overwrite: true);
                Console.WriteLine($"wrote {export.Items.Count} items to {output.FullName}");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
}
