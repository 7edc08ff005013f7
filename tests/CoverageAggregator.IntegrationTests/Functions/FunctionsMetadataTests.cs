using System.Text.Json;
using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Functions;

public class FunctionsMetadataTests
{
    [Fact]
    public async Task PublishListsTheTimerQueueAndHttpFunctionsInFunctionsMetadata()
    {
        var output = Directory.CreateTempSubdirectory("publish-").FullName;
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "CoverageAggregator.Functions", "CoverageAggregator.Functions.csproj"), "-c", ProcessRunner.Configuration, "-o", output, "--nologo"],
            timeoutSeconds: 480);
        Assert.True(exit == 0, stdout + stderr);

        var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata"))).RootElement;
        var triggers = metadata.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()).First(t => t!.EndsWith("Trigger", StringComparison.Ordinal)));

        Assert.Equal("timerTrigger", triggers["ScheduleSources"]);
        Assert.Equal("queueTrigger", triggers["CollectSource"]);
        Assert.Equal("httpTrigger", triggers["CoverageHtml"]);
        Assert.Equal("httpTrigger", triggers["CoverageJson"]);
        Assert.Equal("httpTrigger", triggers["EssayIndex"]);
        Assert.Equal("httpTrigger", triggers["SourceHealth"]);
        Assert.Equal("httpTrigger", triggers["SourceStatus"]);
        Assert.True(File.Exists(Path.Combine(output, "host.json")));
        Assert.True(File.Exists(Path.Combine(output, "sources.json")));
    }
}
