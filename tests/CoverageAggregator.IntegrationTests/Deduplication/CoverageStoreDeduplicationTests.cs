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
        Author = "Wire Reporter",
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
    public async Task TheOrderOfArrivalChangesNothing()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();
        var wire = Article(20);
        var stockLead = Article(21);
        var arrivals = new[]
        {
            Item("https://wire.example/story", wire, Day) with { Title = "Grid queues stretch past five years" },
            Item("https://paper.example/grid", "Republished with permission. " + wire, Day.AddHours(4)) with { Title = "Data centers wait years for power" },
            Item("https://outlet-a.example/clark", stockLead + " " + Article(22)[..300], Day) with { Author = "Priya Raman", Title = "Clark: AI may automate its own research" },
            Item("https://outlet-b.example/clark", stockLead + " " + Article(23)[..300], Day) with { Author = "Tom Becker", Title = "Clark warns of automated AI research" },
        };
        var results = new HashSet<string>(StringComparer.Ordinal);
        var run = 0;
        foreach (var order in Permutations(arrivals))
        {
            var essay = $"order-{run++}";
            foreach (var item in order)
            {
                await store.UpsertAsync(item with { EssayId = essay }, CancellationToken.None);
            }

            var stored = await store.ListAsync(essay, CancellationToken.None);
            results.Add(string.Join(" ; ", stored.Select(i => i.Url + " <- " + string.Join(",", i.AlsoAt.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)));
        }

        var result = Assert.Single(results);
        Assert.Equal(
            "https://outlet-a.example/clark <-  ; https://outlet-b.example/clark <-  ; https://wire.example/story <- https://paper.example/grid",
            result);
    }

    [Fact]
    public async Task CopiesStoredAtTheSameTimeStillBecomeOneItem()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();
        var pairs = Enumerable.Range(0, 20).Select(i => (Original: Item($"https://wire.example/story-{i}", Article(100 + i), Day), Copy: Item($"https://paper.example/story-{i}", Article(100 + i) + " Republished with permission.", Day.AddHours(3))));

        await Task.WhenAll(pairs.SelectMany(p => new[] { p.Original, p.Copy }).Select(item => Task.Run(() => store.UpsertAsync(item, CancellationToken.None))));

        var items = await store.ListAsync("essay", CancellationToken.None);
        Assert.Equal(20, items.Count);
        Assert.All(items, i => Assert.StartsWith("https://wire.example/", i.Url, StringComparison.Ordinal));
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items) => items.Count <= 1
        ? [items]
        : items.SelectMany((first, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => (IReadOnlyList<T>)[first, .. rest]));

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
