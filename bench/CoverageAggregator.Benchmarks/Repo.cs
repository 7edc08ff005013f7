namespace CoverageAggregator.Benchmarks;

/// <summary>Where the repository is (found upwards from the running executable) and the shared data beside it (../shared).</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>A path under ../shared (the corpora and the public benchmark data).</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));

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
