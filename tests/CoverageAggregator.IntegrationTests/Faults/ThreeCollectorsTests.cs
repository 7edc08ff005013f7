using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Faults;

/// <summary>
/// Three collectors (three processes' worth of services on one storage prefix) collect a small generated scale corpus
/// (bench/scale/generate.py) at the same time: every cited story is stored once, none is lost, none is stored twice.
/// bench/scale/concurrent.sh runs the same at full size (500 feeds x 50 items).
/// </summary>
public class ThreeCollectorsTests
{
    [Fact]
    public async Task ThreeCollectorsAtOnceOnAGeneratedCorpusLoseNothingAndDuplicateNothing()
    {
        var corpus = Directory.CreateTempSubdirectory("scale-").FullName;
        var generated = await ProcessRunner.RunAsync("python3", [Path.Combine(Paths.RepoRoot, "bench", "scale", "generate.py"), corpus, "--feeds", "6", "--items", "20"], timeoutSeconds: 60);
        Assert.Equal(0, generated.ExitCode);
        await using var server = await FixtureServer.StartAsync(corpus);
        var config = await server.WriteConfigAsync(corpus);
        await using var first = new TestHost(config);
        var shared = new Dictionary<string, string?> { ["Coverage:StoragePrefix"] = first.Prefix };
        await using var second = new TestHost(config, shared);
        await using var third = new TestHost(config, shared);

        await Task.WhenAll(new[] { first, second, third }.Select(host => host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None)));

        var items = await first.Get<CoverageStore>().ListAsync("signal-horizon", CancellationToken.None);
        Assert.Equal(await TruthUrlsAsync(corpus), items.Select(i => i.Url).Order(StringComparer.Ordinal));
        CoverageAssert.NoUrlInTwoItems(items);
    }

    /// <summary>The canonical URLs of round 1's coverage in the corpus's truth.json.</summary>
    private static async Task<IEnumerable<string>> TruthUrlsAsync(string corpus)
    {
        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(corpus, "truth.json")));
        return truth.RootElement.GetProperty("coverage").EnumerateArray()
            .Where(c => c.GetProperty("round").GetInt32() == 1)
            .Select(c => c.GetProperty("canonicalUrl").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
