using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;

namespace CoverageAggregator.IntegrationTests.Deduplication;

public class CoverageStoreDeduplicationTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A deterministic article-length text: 250 words drawn from a 2,000-word vocabulary.</summary>
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

    [Fact]
    public async Task AnEarlierVerbatimCopyBecomesTheCanonicalItemAndTheLaterOneGoesInAlsoAt()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();
        var text = Article(1);

        Assert.True(await store.UpsertAsync(Item("https://reprint.example/story", "Republished. " + text, Day), CancellationToken.None));
        Assert.False(await store.UpsertAsync(Item("https://wire.example/story", text, Day.AddHours(-2)), CancellationToken.None));

        var item = Assert.Single(await store.ListAsync("essay", CancellationToken.None));
        Assert.Equal("https://wire.example/story", item.Url);
        Assert.Equal(["https://reprint.example/story"], item.AlsoAt);
        Assert.Equal(2, item.SourceIds.Count);
    }

    [Fact]
    public async Task TwoArticlesSharingAQuotedPassageStayTwoItems()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();
        var quote = "we are not running out of compute we are running out of places to plug it in";

        await store.UpsertAsync(Item("https://a.example/story", Article(2) + " " + quote, Day), CancellationToken.None);
        await store.UpsertAsync(Item("https://b.example/story", quote + " " + Article(3), Day), CancellationToken.None);

        Assert.Equal(2, (await store.ListAsync("essay", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AGoogleNewsUrlIsNeverStored()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();

        Assert.False(await store.UpsertAsync(Item("https://news.google.com/rss/articles/CBMiAU_yqL?oc=5", Article(4), Day), CancellationToken.None));
        await store.UpsertAsync(Item("https://outlet.example/story", Article(5), Day) with { AlsoAt = ["https://news.google.com/rss/articles/x"] }, CancellationToken.None);

        var item = Assert.Single(await store.ListAsync("essay", CancellationToken.None));
        Assert.Empty(item.AlsoAt);
    }

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
        var item = Assert.Single(await host.Get<CoverageStore>().ListAsync("essay", CancellationToken.None));
        Assert.Equal("https://wire.example/story", item.Url);
        Assert.Contains("https://reprint.example/story", item.AlsoAt);
    }
}
