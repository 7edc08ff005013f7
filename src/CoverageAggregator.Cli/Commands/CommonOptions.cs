using System.CommandLine;

namespace CoverageAggregator.Cli.Commands;

internal static class CommonOptions
{
    public static Option<FileInfo> Config(bool required) => new("--config", "-c")
    {
        Description = "The sources file (essays, feeds, social) in the shape of corpus.json; default: Coverage:ConfigPath or sources.json",
        Required = required,
    };
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadConfig = 2;
    public const int StorageUnavailable = 3;
}
