using CoverageAggregator.Coverage;

namespace CoverageAggregator.Tests.Deduplication;

public class EngagementMergeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);

    private static CoverageItem Seen(DateTimeOffset at, Engagement? engagement) => new()
    {
        EssayId = "essay", Url = "https://x.com/rosa_v/status/1", Kind = CoverageKinds.Post, Engagement = engagement, FirstSeenAt = at, UpdatedAt = at,
    };

    [Fact]
    public void ALaterSightingReplacesEachCountItReports()
    {
        var merged = Seen(Monday, new Engagement(Likes: 5, Reposts: 1, Replies: 2)).MergeWith(Seen(Monday.AddHours(6), new Engagement(Likes: 9, Replies: 3)));

        Assert.Equal(new Engagement(Likes: 9, Reposts: 1, Replies: 3), merged.Engagement);
    }

    [Fact]
    public void AnEarlierReadingArrivingLateDoesNotOverwriteTheNewerOne()
    {
        var merged = Seen(Monday.AddHours(6), new Engagement(Likes: 9)).MergeWith(Seen(Monday, new Engagement(Likes: 5, Quotes: 1)));

        Assert.Equal(new Engagement(Likes: 9, Quotes: 1), merged.Engagement);
    }

    [Fact]
    public void ASightingWithoutEngagementKeepsTheStoredReading()
    {
        Assert.Equal(new Engagement(Points: 12), Seen(Monday, new Engagement(Points: 12)).MergeWith(Seen(Monday.AddHours(1), null)).Engagement);
    }
}
