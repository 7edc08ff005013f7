using System.Text.Json;
using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Eval;

/// <summary>
/// The shared harness end to end: ../shared/eval/eval.sh runs the `coverage` CLI for two rounds against the
/// compute-cliff corpus on loopback, exports JSON and HTML, and score.py scores them against truth.json.
/// </summary>
public class CorpusEvaluationTests
{
    [Fact]
    public async Task EvalHarnessScoresCoverageQuotesAndFieldsAboveTheBar()
    {
        var cli = Path.Combine(Paths.RepoRoot, "src", "CoverageAggregator.Cli", "bin", ProcessRunner.Configuration, "net10.0", "coverage.dll");
        Assert.True(File.Exists(cli), $"build the CLI first: {cli} is missing");
        var output = Directory.CreateTempSubdirectory("eval-").FullName;

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(Paths.Shared, "eval", "eval.sh"), Paths.Corpus, "--", "dotnet", cli],
            new Dictionary<string, string>
            {
                ["EVAL_OUT"] = output,
                ["EVAL_STEP_TIMEOUT"] = "300",
                ["Coverage__StoragePrefix"] = "ev" + Guid.NewGuid().ToString("N")[..12],
            });

        Assert.True(exit == 0, $"eval.sh exited {exit}: {stderr}");
        var report = JsonDocument.Parse(stdout[stdout.IndexOf('{', StringComparison.Ordinal)..(stdout.LastIndexOf('}') + 1)]).RootElement;
        var coverage = report.GetProperty("coverage");
        Assert.True(coverage.GetProperty("precision").GetDouble() >= 0.95, stdout);
        Assert.True(coverage.GetProperty("recall").GetDouble() >= 0.95, stdout);
        Assert.Equal("11/11", coverage.GetProperty("recallByKind").GetProperty("article").GetString());
        Assert.True(report.GetProperty("quotes").GetProperty("precision").GetDouble() >= 0.9, stdout);
        Assert.True(report.GetProperty("quotes").GetProperty("recall").GetDouble() >= 0.9, stdout);
        Assert.True(report.GetProperty("fields").GetProperty("score").GetDouble() >= 0.9, stdout);
        Assert.Empty(coverage.GetProperty("split").EnumerateArray());
        Assert.Empty(coverage.GetProperty("merged").EnumerateArray());
        Assert.True(report.GetProperty("html").GetProperty("ok").GetBoolean(), stdout);
        var politeness = report.GetProperty("politeness");
        Assert.False(politeness.GetProperty("retriedTooSoon").GetBoolean(), stdout);
        Assert.True(politeness.GetProperty("allHaveUserAgent").GetBoolean(), stdout);
        Assert.Equal(1.0, politeness.GetProperty("round2ConditionalShareOnFeedsWithValidators").GetDouble());
    }
}
