using System.CommandLine;
using CoverageAggregator.Cli.Commands;

namespace CoverageAggregator.Cli;

/// <summary>The `coverage` command line: one subcommand per job.</summary>
internal static class CoverageCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("CoverageAggregator: collects everything said about tracked essays and serves it as a coverage page.");
        root.Subcommands.Add(CollectCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        return root;
    }
}
