using System.Net;
using System.Text;
using System.Text.Json;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.IntegrationTests.Cli;

/// <summary>`coverage init` and `coverage doctor` as processes, started in a folder of their own: paths are the caller's.</summary>
public class InitAndDoctorCommandTests
{
    private static readonly string Essay =
        "<!DOCTYPE html><html><head><title>The Long Fuse - Fuse Notes</title><meta property=\"og:title\" content=\"The Long Fuse\">"
        + "<meta property=\"og:site_name\" content=\"Fuse Notes\"><meta name=\"author\" content=\"Ada Writer\">"
        + "<meta property=\"article:published_time\" content=\"2026-11-01T08:00:00Z\"><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\"></head>"
        + "<body><article><h1>The Long Fuse</h1>"
        + string.Concat(Enumerable.Range(1, 12).Select(i => $"<p>Part {i}: a fuse burns slowly, and the people who light it are rarely around when it finally reaches the powder keg.</p>"))
        + "</article></body></html>";

    private const string Feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fuse Notes</title><item><title>The Long Fuse</title><link>https://fusenotes.example/p/the-long-fuse</link></item></channel></rss>";

    private static async Task Answer(HttpListenerContext context)
    {
        var (status, body, type) = context.Request.Url!.AbsolutePath switch
        {
            "/p/the-long-fuse" => (200, Essay, "text/html; charset=utf-8"),
            "/feed" => (200, Feed, "application/rss+xml"),
            _ => (404, "not found", "text/plain"),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public async Task InitWritesTheSourcesFileInTheCallersFolderAndDoesNotOverwriteIt()
    {
        await using var server = new LoopbackServer(Answer);
        var folder = Directory.CreateTempSubdirectory("init-").FullName;

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet", [Paths.Cli(), "init", server.BaseUrl + "/p/the-long-fuse"], workingDirectory: folder, timeoutSeconds: 120);

        Assert.True(exit == 0, stderr);
        var written = await File.ReadAllTextAsync(Path.Combine(folder, "sources.json"));
        using (var json = JsonDocument.Parse(written))
        {
            var essay = json.RootElement.GetProperty("essays")[0];
            Assert.Equal("The Long Fuse", essay.GetProperty("title").GetString());
            Assert.Equal("Fuse Notes", essay.GetProperty("publication").GetString());
            Assert.Equal(server.BaseUrl + "/feed", json.RootElement.GetProperty("feeds")[0].GetProperty("url").GetString());
        }

        Assert.Contains("Coverage__Credentials__XBearerToken", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = await ProcessRunner.RunAsync("dotnet", [Paths.Cli(), "init", server.BaseUrl + "/p/the-long-fuse"], workingDirectory: folder, timeoutSeconds: 120);

        Assert.Equal(2, exit);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal(written, await File.ReadAllTextAsync(Path.Combine(folder, "sources.json")));
    }

    [Fact]
    public async Task DoctorNamesTheDeadFeedAndTheMissingCredentialAndExitsOne()
    {
        await using var server = new LoopbackServer(Answer);
        var folder = Directory.CreateTempSubdirectory("doctor-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "sources.json"), $$"""
            {"essays":[{"id":"long-fuse","title":"The Long Fuse","urls":["https://fusenotes.example/p/the-long-fuse"],"fetchUrl":"{{server.BaseUrl}}/p/the-long-fuse"}],
             "feeds":[{"name":"Fuse Notes","url":"{{server.BaseUrl}}/feed"},{"name":"Gone","url":"{{server.BaseUrl}}/old/feed"}],
             "social":[{"type":"x","baseUrl":"{{server.BaseUrl}}/x"}]}
            """);
        var environment = new Dictionary<string, string> { ["Coverage__StoragePrefix"] = "doctor" + Guid.NewGuid().ToString("N")[..8] };

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("dotnet", [Paths.Cli(), "doctor", "--config", "sources.json"], environment, folder, timeoutSeconds: 120);

        Assert.True(exit == 1, stdout + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("ok      storage:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ok      essay \"long-fuse\":", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ok      feed \"Fuse Notes\": 1 entries", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FAILED  feed \"Gone\":", StringComparison.Ordinal) && l.Contains("404", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MISSING X", StringComparison.Ordinal) && l.Contains("Coverage__Credentials__XBearerToken", StringComparison.Ordinal));
    }
}
