using CoverageAggregator.Collection;
using Spectre.Console;

namespace CoverageAggregator.Cli.Commands;

/// <summary>Collection progress: a live bar in a terminal, plain lines when output is redirected.</summary>
internal static class ProgressDisplay
{
    public static async Task<IReadOnlyList<SourceReport>> RunAsync(Func<IProgress<CycleProgress>, Task<IReadOnlyList<SourceReport>>> cycle)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await cycle(new Progress<CycleProgress>(WriteLine));
        }

        IReadOnlyList<SourceReport> reports = [];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("collecting");
                reports = await cycle(new Progress<CycleProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{p.Done}/{p.Total} sources · {p.Coverage} coverage · {p.Failures} failed";
                }));
            });
        return reports;
    }

    public static void Summarize(IReadOnlyList<SourceReport> reports)
    {
        foreach (var report in reports.Where(r => r.Error is not null))
        {
            Console.WriteLine($"  {(report.Deferred ? "deferred" : "failed")}: {report.Source.Name} ({report.Source.Url}): {report.Error}");
        }

        Console.WriteLine(
            $"collected {reports.Count} sources: {reports.Sum(r => r.Coverage)} coverage items ({reports.Sum(r => r.NewCoverage)} new), " +
            $"{reports.Count(r => r.Error is not null && !r.Deferred)} failed, {reports.Count(r => r.Deferred)} deferred");
    }

    private static void WriteLine(CycleProgress progress)
    {
        if (progress.Last is { } last)
        {
            var status = last.Error is null ? $"{last.Outcome}, {last.Entries} entries, {last.Coverage} coverage" : $"{(last.Deferred ? "deferred" : "FAILED")}: {last.Error}";
            Console.WriteLine($"[{progress.Done}/{progress.Total}] {last.Source.Name}: {status}");
        }
    }
}
