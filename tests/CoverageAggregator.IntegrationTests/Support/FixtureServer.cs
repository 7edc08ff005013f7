using System.Diagnostics;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>The shared fixture server (../shared/eval/server.py) serving a corpus on 127.0.0.1, started per test.</summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    private FixtureServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<FixtureServer> StartAsync(string corpus)
    {
        var portFile = Path.Combine(Path.GetTempPath(), $"fixture-{Guid.NewGuid():N}.port");
        var start = new ProcessStartInfo("python3", [Path.Combine(Paths.Shared, "eval", "server.py"), "--corpus", corpus, "--port", "0", "--port-file", portFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        for (var i = 0; i < 600 && !(File.Exists(portFile) && new FileInfo(portFile).Length > 0); i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"server.py exited with {process.ExitCode}");
            }

            await Task.Delay(50);
        }

        var port = (await File.ReadAllTextAsync(portFile)).Trim();
        File.Delete(portFile);
        return new FixtureServer(process, $"http://127.0.0.1:{port}");
    }

    /// <summary>The corpus's corpus.json with {{BASE}} replaced, written to a temporary file.</summary>
    public async Task<string> WriteConfigAsync(string corpus)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(corpus, "corpus.json"))).Replace("{{BASE}}", BaseUrl, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    public async Task SetRoundAsync(int round) =>
        (await _http.PostAsync($"{BaseUrl}/__control/round/{round}", null)).EnsureSuccessStatusCode();

    public async Task<string> RequestLogAsync() => await _http.GetStringAsync($"{BaseUrl}/__control/log");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }
}
