using System.Reflection;
using System.Text.Json;
using CoverageAggregator.Functions.Collection;
using CoverageAggregator.IntegrationTests.Support;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.IntegrationTests.Functions;

/// <summary>`dotnet publish` of the Functions project, once for the tests of this class.</summary>
public sealed class PublishedFunctionsApp : IAsyncLifetime
{
    public string Output { get; } = Directory.CreateTempSubdirectory("publish-").FullName;

    /// <summary>functions.metadata: an array of functions with their bindings.</summary>
    public JsonElement Metadata { get; private set; }

    /// <summary>Function name → its trigger binding type, as functions.metadata lists them.</summary>
    public IReadOnlyDictionary<string, string> Triggers { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "CoverageAggregator.Functions", "CoverageAggregator.Functions.csproj"), "-c", ProcessRunner.Configuration, "-o", Output, "--nologo"],
            timeoutSeconds: 480);
        Assert.True(exit == 0, stdout + stderr);

        Metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Output, "functions.metadata"))).RootElement;
        Triggers = Metadata.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).First(t => t.EndsWith("Trigger", StringComparison.Ordinal)));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        return Task.CompletedTask;
    }
}

public class FunctionsMetadataTests(PublishedFunctionsApp app) : IClassFixture<PublishedFunctionsApp>
{
    [Fact]
    public void FunctionsMetadataListsExactlyTheFunctionsTheCodeDeclaresWithTheirTriggers()
    {
        // Every [Function] method in the Functions assembly, with the binding type of its *TriggerAttribute parameter
        // (TimerTriggerAttribute → timerTrigger).
        var declared = typeof(CollectSource).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(x => x.Function is not null)
            .ToDictionary(x => x.Function!.Name, x => TriggerBinding(x.Method));

        Assert.NotEmpty(declared);
        Assert.Equal(declared.OrderBy(kv => kv.Key, StringComparer.Ordinal), app.Triggers.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void ThePackageHoldsHostJsonWithOpenTelemetryAndTheSourcesFile()
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Output, "host.json"))).RootElement;

        Assert.Equal("OpenTelemetry", host.GetProperty("telemetryMode").GetString());
        Assert.True(File.Exists(Path.Combine(app.Output, "sources.json")));
    }

    [Fact]
    public void PublishListsTheTimerQueueAndHttpFunctionsInFunctionsMetadata()
    {
        var (output, metadata, triggers) = (app.Output, app.Metadata, app.Triggers);
        Assert.Equal(JsonValueKind.Array, metadata.ValueKind);

        Assert.Equal("timerTrigger", triggers["ScheduleSources"]);
        Assert.Equal("queueTrigger", triggers["CollectSource"]);
        Assert.Equal("httpTrigger", triggers["CoverageHtml"]);
        Assert.Equal("httpTrigger", triggers["CoverageJson"]);
        Assert.Equal("httpTrigger", triggers["EssayIndex"]);
        Assert.Equal("httpTrigger", triggers["SourceHealth"]);
        Assert.Equal("httpTrigger", triggers["CoverageAtomFeed"]);
        Assert.Equal("httpTrigger", triggers["CoverageCsvExport"]);
        Assert.Equal("httpTrigger", triggers["DigestByDate"]);
        Assert.Equal("timerTrigger", triggers["DailyDigest"]);
        var authLevels = metadata.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.TryGetProperty("authLevel", out var level) ? level.GetString() : null).FirstOrDefault(l => l is not null));
        Assert.All(["CollectNow", "AddEssay", "RemoveEssay"], name => Assert.Equal("Function", authLevels[name], ignoreCase: true));
        Assert.All(["CoverageHtml", "CoverageAtomFeed", "CoverageCsvExport", "DigestByDate", "EssayIndex"], name => Assert.Equal("Anonymous", authLevels[name], ignoreCase: true));
        Assert.Equal("httpTrigger", triggers["SourceStatus"]);
        Assert.True(File.Exists(Path.Combine(output, "host.json")));
        Assert.True(File.Exists(Path.Combine(output, "sources.json")));
    }

    private static string TriggerBinding(MethodInfo method)
    {
        var trigger = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes())
            .Select(a => a.GetType().Name)
            .Single(name => name.EndsWith("TriggerAttribute", StringComparison.Ordinal));
        var binding = trigger[..^"Attribute".Length];
        return char.ToLowerInvariant(binding[0]) + binding[1..];
    }
}
