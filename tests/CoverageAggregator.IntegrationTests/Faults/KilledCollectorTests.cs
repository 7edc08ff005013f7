using System.Diagnostics;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Faults;

public class KilledCollectorTests
{
    [Fact]
    public async Task CollectorKilledTenTimesAtRandomPointsLosesAndDuplicatesNothing()
    {
        var cli = Paths.Cli();
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        var config = await server.WriteConfigAsync(Paths.Corpus);
        await using var killed = new TestHost(config);
        await using var clean = new TestHost(config);
        var random = new Random(455); // deterministic "random" kill points

        for (var i = 0; i < 10; i++)
        {
            using var process = Process.Start(Collect(cli, config, killed.Prefix))!;
            await Task.Delay(random.Next(300, 3500));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            }

            await process.WaitForExitAsync();
        }

        await RunToEndAsync(cli, config, killed.Prefix);
        await RunToEndAsync(cli, config, clean.Prefix);

        var afterKills = await killed.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None);
        var expected = await clean.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(i => i.Url).Order(), afterKills.Select(i => i.Url).Order());
        Assert.Equal(expected.Sum(i => i.Quotes.Count), afterKills.Sum(i => i.Quotes.Count));
        CoverageAssert.NoUrlInTwoItems(afterKills);
    }

    private static async Task RunToEndAsync(string cli, string config, string prefix)
    {
        using var process = Process.Start(Collect(cli, config, prefix))!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    private static ProcessStartInfo Collect(string cli, string config, string prefix)
    {
        var start = new ProcessStartInfo("dotnet", [cli, "collect", "--config", config])
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            WorkingDirectory = Paths.RepoRoot,
        };
        start.Environment["Coverage__StoragePrefix"] = prefix;
        start.Environment["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true";
        return start;
    }
}
