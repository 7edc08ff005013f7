using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Cli;

/// <summary>`coverage collect` as a process: a setup it cannot use ends with one clear line and its exit code.</summary>
public class CollectCommandTests
{
    [Fact]
    public async Task CollectWithStorageUnreachableSaysSoInOneLineAndExitsThree()
    {
        var folder = Directory.CreateTempSubdirectory("collect-").FullName;
        // Nothing listens on port 1 of the loopback address: every storage request is refused.
        await File.WriteAllTextAsync(Path.Combine(folder, "sources.json"), """
            {"essays":[{"id":"long-fuse","title":"The Long Fuse","urls":["http://127.0.0.1:1/p/the-long-fuse"]}],
             "feeds":[{"name":"Fuse Notes","url":"http://127.0.0.1:1/feed"}]}
            """);
        var environment = new Dictionary<string, string>
        {
            ["COVERAGE_STORAGE"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                + "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            ["Coverage__Fetch__AllowedPrivateHosts__0"] = "127.0.0.1",
        };

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet", [Paths.Cli(), "collect", "--config", "sources.json"], environment, folder, timeoutSeconds: 120);

        Assert.True(exit == 3, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("coverage: storage unreachable at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }
}
