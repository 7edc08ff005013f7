namespace CoverageAggregator.Tests.Support;

/// <summary>Where the repository and ../shared are, found from the test binaries upwards.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string FeedFixtures => Path.Combine(Shared, "benchmarks", "feed-fixtures");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

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
