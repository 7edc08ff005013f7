using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;

namespace CoverageAggregator.IntegrationTests.Faults;

public class InterruptedMergeTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ACrashRightAfterTheFirstWriteOfAMergeLeavesExactlyOneItem()
    {
        await using var host = new TestHost("sources.json"); // owns the prefix and deletes the tables afterwards
        var crash = new CrashAfterWrites();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true" }).Build();
        var store = new CoverageStore(new StorageClients(configuration, new CoverageOptions { StoragePrefix = host.Prefix }, crash));
        var text = Article(7);
        await store.UpsertAsync(Item("https://reprint.example/story", "Republished. " + text, Day), CancellationToken.None);

        // The earlier wire copy moves the story to its own key: the process dies as soon as one write went through.
        crash.Arm(writes: 1);
        try
        {
            await store.UpsertAsync(Item("https://wire.example/story", text, Day.AddHours(-2)), CancellationToken.None);
        }
        catch (SimulatedCrashException)
        {
            // where a merge of two separate writes dies
        }

        crash.Disarm();

        var items = await host.Get<CoverageStore>().ListAsync("essay", CancellationToken.None);
        var item = Assert.Single(items);
        Assert.Equal("https://wire.example/story", item.Url);
        Assert.Contains("https://reprint.example/story", item.AlsoAt);
    }

    private static string Article(int seed)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, 250).Select(_ => "w" + random.Next(2000)));
    }

    private static CoverageItem Item(string url, string text, DateTimeOffset published) => new()
    {
        EssayId = "essay",
        Url = url,
        PublishedAt = published,
        FirstSeenAt = Day,
        UpdatedAt = Day,
        SourceIds = [url],
        TextSignature = TextSignature.Of(text)?.Serialize(),
    };
}
