using System.Text.Json;
using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Eval;

/// <summary>
/// The shared harness end to end: ../shared/eval/eval.sh runs the `coverage` CLI against a corpus on loopback (the
/// platforms' real 2026 access rules: sign-in, tokens, 401/403 otherwise), exports JSON and HTML, and score.py scores
/// them against truth.json.
/// </summary>
public class CorpusEvaluationTests
{
    [Fact]
    public async Task EvalHarnessScoresCoverageQuotesAndFieldsAboveTheBarOnTheDevCorpus()
    {
        var (report, stdout, _) = await EvaluateAsync(Paths.Corpus);

        var coverage = report.GetProperty("coverage");
        Assert.True(coverage.GetProperty("precision").GetDouble() >= 0.97, stdout);
        Assert.True(coverage.GetProperty("recall").GetDouble() >= 0.97, stdout);
        Assert.Equal("11/11", coverage.GetProperty("recallByKind").GetProperty("article").GetString());
        Assert.True(report.GetProperty("quotes").GetProperty("precision").GetDouble() >= 0.95, stdout);
        Assert.True(report.GetProperty("quotes").GetProperty("recall").GetDouble() >= 0.95, stdout);
        Assert.True(report.GetProperty("fields").GetProperty("score").GetDouble() >= 0.9, stdout);
        Assert.Empty(coverage.GetProperty("split").EnumerateArray());
        Assert.Empty(coverage.GetProperty("merged").EnumerateArray());
        Assert.True(report.GetProperty("html").GetProperty("ok").GetBoolean(), stdout);
        var politeness = report.GetProperty("politeness");
        Assert.False(politeness.GetProperty("retriedTooSoon").GetBoolean(), stdout);
        Assert.True(politeness.GetProperty("allHaveUserAgent").GetBoolean(), stdout);
        Assert.Equal(1.0, politeness.GetProperty("round2ConditionalShareOnFeedsWithValidators").GetDouble());
    }

    [Fact]
    public async Task RepliesQuotePostsAndCommentsAreFoundAttachedToTheirParentWithEngagement()
    {
        var corpus = Paths.OwnCorpus("social-threads");
        var (report, stdout, export) = await EvaluateAsync(corpus);

        var coverage = report.GetProperty("coverage");
        Assert.Equal(1.0, coverage.GetProperty("precision").GetDouble());
        Assert.Equal(1.0, coverage.GetProperty("recall").GetDouble());
        Assert.Equal(1.0, report.GetProperty("quotes").GetProperty("recall").GetDouble());
        var items = export.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("url").GetString()!);
        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(corpus, "truth.json")));
        foreach (var expected in truth.RootElement.GetProperty("coverage").EnumerateArray())
        {
            var url = expected.GetProperty("canonicalUrl").GetString()!;
            Assert.True(items.TryGetValue(url, out var item), $"{url} is not exported at its canonical URL: {stdout}");
            var parent = expected.TryGetProperty("parent", out var p) ? p.GetString() : null;
            Assert.Equal(parent, item.TryGetProperty("parent", out var actual) && actual.ValueKind == JsonValueKind.String ? actual.GetString() : null);
            foreach (var count in expected.GetProperty("engagement").EnumerateObject())
            {
                Assert.Equal((url, count.Name, count.Value.GetInt32()), (url, count.Name, item.GetProperty("engagement").GetProperty(count.Name).GetInt32()));
            }
        }
    }

    private static async Task<(JsonElement Report, string Stdout, JsonElement Export)> EvaluateAsync(string corpus)
    {
        var cli = Paths.Cli();
        var output = Directory.CreateTempSubdirectory("eval-").FullName;

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(Paths.Shared, "eval", "eval.sh"), corpus, "--", "dotnet", cli],
            new Dictionary<string, string>
            {
                ["EVAL_OUT"] = output,
                ["EVAL_STEP_TIMEOUT"] = "300",
                ["Coverage__StoragePrefix"] = "ev" + Guid.NewGuid().ToString("N")[..12],
            });

        Assert.True(exit == 0, $"eval.sh exited {exit}: {stderr}");
        var report = JsonDocument.Parse(stdout[stdout.IndexOf('{', StringComparison.Ordinal)..(stdout.LastIndexOf('}') + 1)]).RootElement;
        var export = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "export.json"))).RootElement;
        return (report, stdout, export);
    }
}
