using CoverageAggregator.Coverage;

namespace CoverageAggregator.Tests.Deduplication;

/// <summary>
/// Two sightings of one article (the same canonical URL) give one item whose credit does not depend on which was
/// stored first. Modelled on the scale corpus's syndicated copy with rel=canonical to the original: the copy, found in
/// another outlet's feed three hours later, carries the original's byline and canonical URL but its own outlet and date.
/// </summary>
public class CreditMergeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly CoverageItem Original = new()
    {
        EssayId = "essay", Url = "https://outlet310.example/2026/story-7/", AlsoAt = ["https://feeds.outlet310.example/story-7"],
        Outlet = "Outlet 310", Title = "Story 7 from outlet 310", Author = "Writer 310", PublishedAt = Noon,
        Excerpt = "As Brandt argues in his essay...", SourceIds = ["feed-310"], FirstSeenAt = Noon, UpdatedAt = Noon,
    };

    private static readonly CoverageItem Copy = Original with
    {
        AlsoAt = ["https://outlet311.example/2026/story-33/"], Outlet = "Outlet 311", PublishedAt = Noon.AddHours(3),
        SourceIds = ["feed-311"],
    };

    [Fact]
    public void ACopyStoredBeforeItsOriginalEndsWithTheOriginalsOutletAndDate()
    {
        var copyFirst = Copy.MergeWith(Original);
        var originalFirst = Original.MergeWith(Copy);

        Assert.Equal(("Outlet 310", Noon), (copyFirst.Outlet, copyFirst.PublishedAt));
        Assert.Equal(Credit(originalFirst), Credit(copyFirst));
        Assert.Equal(originalFirst.AlsoAt.Order(StringComparer.Ordinal), copyFirst.AlsoAt.Order(StringComparer.Ordinal));
        Assert.Equal(originalFirst.SourceIds.Order(StringComparer.Ordinal), copyFirst.SourceIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SightingsAlikeInDateAgreeOnOneCreditWhicheverCameFirst()
    {
        var viaAggregator = Original with { Outlet = "Outlet 310 (via Techmeme)", Excerpt = null, SourceIds = ["techmeme"] };

        Assert.Equal(Original.MergeWith(viaAggregator).Outlet, viaAggregator.MergeWith(Original).Outlet);
        Assert.Equal("As Brandt argues in his essay...", viaAggregator.MergeWith(Original).Excerpt);
    }

    [Fact]
    public void ANamedOutletCreditsBeforeAHostNameWhenTheDatesAgree()
    {
        // As the dev corpus's Kilowatt Weekly article: its feed entry names the outlet; the page met again by following a
        // link only knows its host.
        var followed = Original with { Outlet = "127.0.0.1", Author = "Hal Ostrowski · 2026-10-16", SourceIds = ["roundup"] };

        Assert.Equal(("Outlet 310", "Writer 310"), (followed.MergeWith(Original).Outlet, followed.MergeWith(Original).Author));
        Assert.Equal("Outlet 310", Original.MergeWith(followed).Outlet);
    }

    [Fact]
    public void ADatedSightingCreditsBeforeAnUndatedOneAndAnEmptyFieldIsFilledFromTheOther()
    {
        var undated = Copy with { PublishedAt = null, Title = null, Author = null };
        var dated = Original with { Author = null };

        var merged = undated.MergeWith(dated);

        Assert.Equal(("Outlet 310", (DateTimeOffset?)Noon, "Story 7 from outlet 310"), (merged.Outlet, merged.PublishedAt, merged.Title));
        Assert.Null(merged.Author);
        Assert.Equal("https://outlet310.example/2026/story-7/", merged.Url);
    }

    private static (string?, string?, string?, DateTimeOffset?, string?, string?, string) Credit(CoverageItem item) =>
        (item.Outlet, item.Title, item.Author, item.PublishedAt, item.Excerpt, item.Language, item.Url);
}
