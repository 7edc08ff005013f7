using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Cli;

/// <summary>`coverage run` as a process: the new public routes answer and the admin routes need the API key.</summary>
public class LocalHostRoutesTests
{
    private const string Config = """
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["https://fuse.example/p/the-long-fuse"],"keywords":["The Long Fuse"]}],
         "feeds":[{"name":"Example Feed","url":"http://127.0.0.1:9/feed.xml"}]}
        """;

    [Fact]
    public async Task AdminRoutesAnswerUnauthorizedWithoutTheApiKeyAndRunWithIt()
    {
        var configPath = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(configPath, Config);
        await using var storage = new TestHost(configPath); // owns the storage prefix and deletes its tables afterwards
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var cli = Paths.Cli();
        var start = new ProcessStartInfo("dotnet", [cli, "run", "--config", configPath, "--urls", baseUrl])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Coverage__StoragePrefix"] = storage.Prefix,
                ["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true",
                ["Coverage__Admin__ApiKey"] = "s3cret-key",
                ["Coverage__Fetch__TimeoutSeconds"] = "2",
                ["Coverage__Fetch__MaxRetries"] = "0",
            },
        };
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        try
        {
            await WaitForAsync(http, process, stderr);

            var anonymous = await http.PostAsync("/api/admin/collect", null);
            using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/admin/collect") { Headers = { { "X-Api-Key", "guess" } } };
            var guessed = await http.SendAsync(wrong);
            using var right = new HttpRequestMessage(HttpMethod.Post, "/api/admin/collect") { Headers = { { "X-Api-Key", "s3cret-key" } } };
            var collected = await http.SendAsync(right);
            var csv = await http.GetAsync("/api/essays/essay-1/coverage.csv");
            var atom = await http.GetAsync("/api/essays/essay-1/coverage.atom");

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, collected.StatusCode);
            Assert.Equal("/api/sources", collected.Headers.Location?.OriginalString);
            Assert.Contains("\"enqueued\":", await collected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("date,kind,outlet", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitForAsync(HttpClient http, Process process, Task<string> stderr)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"coverage run exited {process.ExitCode}: {await stderr}");
            }

            try
            {
                if ((await http.GetAsync("/api/essays")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("coverage run did not start listening");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
