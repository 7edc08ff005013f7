using CoverageAggregator.Coverage;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Tests.Deduplication;

public class ViaMergeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private static CoverageItem Article(params string[] via) => new()
    {
        EssayId = "essay", Url = "https://ai-dispatch.example/story", Via = via, FirstSeenAt = Monday, UpdatedAt = Monday,
    };

    [Fact]
    public void AnArticleFoundThroughTwoAggregatorsKeepsBothOnce() =>
        Assert.Equal(["Techmeme", "Hacker News"], Article("Techmeme").MergeWith(Article()).MergeWith(Article("Hacker News", "Techmeme")).Via);

    [Fact]
    public void TheAggregatorsSurviveTheTableShapeAndOlderRowsHaveNone()
    {
        Assert.Equal(["Techmeme"], ItemEntity.From(Article("Techmeme")).ToItem().Via);
        Assert.Empty((ItemEntity.From(Article()) is var row && row.Via is null ? row : null)!.ToItem().Via);
    }
}
