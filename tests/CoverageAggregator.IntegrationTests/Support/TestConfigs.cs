namespace CoverageAggregator.IntegrationTests.Support;

public static class TestConfigs
{
    /// <summary>One essay and one feed at a port where nothing listens.</summary>
    public const string OneUnreachableFeed = """
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["https://fuse.example/p/the-long-fuse"],"keywords":["The Long Fuse"],"publishedAt":"2026-01-01T00:00:00Z"}],
         "feeds":[{"name":"Example Feed","url":"http://127.0.0.1:9/feed.xml"}]}
        """;

    public static async Task<string> WriteAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
