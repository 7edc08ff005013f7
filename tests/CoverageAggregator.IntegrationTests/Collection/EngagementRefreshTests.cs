using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>A post met again in a later run carries the platform's newer counts: the stored item takes them, and keeps its place in its thread.</summary>
public class EngagementRefreshTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static CoverageItem Post(Engagement engagement, DateTimeOffset seen, string? parent = null) => new()
    {
        EssayId = "essay",
        Url = "https://bsky.app/profile/reader.example/post/3kreply",
        Kind = CoverageKinds.Post,
        Outlet = "Bluesky",
        Engagement = engagement,
        Parent = parent,
        SourceIds = ["bluesky-1"],
        FirstSeenAt = seen,
        UpdatedAt = seen,
    };

    [Fact]
    public async Task APostSeenAgainTakesTheNewerCountsAndKeepsItsParent()
    {
        await using var host = new TestHost("sources.json");
        var store = host.Get<CoverageStore>();
        const string Parent = "https://bsky.app/profile/author.example/post/3kann";

        await store.UpsertAsync(Post(new Engagement(Likes: 3, Reposts: 1, Replies: 0, Quotes: 0), Day, Parent), CancellationToken.None);
        await store.UpsertAsync(Post(new Engagement(Likes: 40, Reposts: 6, Replies: 2, Quotes: 1), Day.AddHours(6)), CancellationToken.None);

        var item = Assert.Single(await store.ListAsync("essay", CancellationToken.None));
        Assert.Equal(new Engagement(Likes: 40, Reposts: 6, Replies: 2, Quotes: 1), item.Engagement);
        Assert.Equal(Parent, item.Parent);
        Assert.Equal(Day, item.FirstSeenAt);
    }
}
