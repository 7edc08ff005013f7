using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Deduplication;

/// <summary>An item seen again carries the platform's newer counts: the store keeps them, with the per-kind counts and the parent.</summary>
public class EngagementRefreshTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 16, 9, 0, 0, TimeSpan.Zero);

    private static CoverageItem Post(DateTimeOffset at, Engagement engagement) => new()
    {
        EssayId = "essay",
        Url = "https://news.ycombinator.com/item?id=42",
        Kind = CoverageKinds.Post,
        Outlet = "Hacker News",
        Parent = "https://news.ycombinator.com/item?id=41",
        Engagement = engagement,
        SourceIds = ["hackernews-1"],
        FirstSeenAt = at,
        UpdatedAt = at,
    };

    [Fact]
    public async Task TheStoreKeepsTheNewerReadingWhenAnItemIsSeenAgain()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();

        Assert.True(await store.UpsertAsync(Post(Day, new Engagement(Replies: 3, Points: 10)), CancellationToken.None));
        Assert.False(await store.UpsertAsync(Post(Day.AddHours(2), new Engagement(Replies: 8, Points: 57)), CancellationToken.None));
        Assert.False(await store.UpsertAsync(Post(Day.AddHours(1), new Engagement(Replies: 5, Points: 30)), CancellationToken.None));

        var item = Assert.Single(await store.ListAsync("essay", CancellationToken.None));
        Assert.Equal(new Engagement(Replies: 8, Points: 57), item.Engagement);
        Assert.Equal("https://news.ycombinator.com/item?id=41", item.Parent);
        Assert.Equal(Day, item.FirstSeenAt);
    }
}
