namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>Where the repository and ../shared are, found from the test binaries upwards.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The shared dev corpus, served with the social platforms' real access rules (FORMAT.md "Access").</summary>
    public static string Corpus => Path.Combine(Shared, "corpus", "compute-cliff-real");

    /// <summary>A corpus of the project's own, in the shared format, under tests/Corpora.</summary>
    public static string OwnCorpus(string name) => Path.Combine(RepoRoot, "tests", "Corpora", name);

    /// <summary>The built CLI (its coverage.dll, run with `dotnet`); a missing one fails the test with what to do.</summary>
    public static string Cli()
    {
        var cli = Path.Combine(RepoRoot, "src", "CoverageAggregator.Cli", "bin", ProcessRunner.Configuration, "net10.0", "coverage.dll");
        Assert.True(File.Exists(cli), $"build the CLI first: {cli} is missing");
        return cli;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageAggregator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoverageAggregator.sln not found above " + AppContext.BaseDirectory);
    }
}
