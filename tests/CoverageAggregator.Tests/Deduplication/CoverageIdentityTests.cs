using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;

namespace CoverageAggregator.Tests.Deduplication;

/// <summary>
/// What counts as one piece of coverage, as a comms team counts it (NearDuplicates, Bylines, Titles): the same text is
/// not enough; the byline, or without one the headline, must agree too. Each case states its precondition: the texts
/// alone are near-duplicates, so the case would merge on text alone.
/// </summary>
public class CoverageIdentityTests
{
    private static readonly DateTimeOffset Day = new(2026, 5, 6, 9, 0, 0, TimeSpan.Zero);

    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Deduplication", name + ".txt"));

    private static CoverageItem Article(string url, string text, string? author, string? title, DateTimeOffset? published = null) => new()
    {
        EssayId = "import-ai-455",
        Url = url,
        Author = author,
        Title = title,
        PublishedAt = published ?? Day,
        FirstSeenAt = Day,
        UpdatedAt = Day,
        TextSignature = TextSignature.Of(text)?.Serialize(),
    };

    private static void AssertTextsAlikeOnTheirOwn(CoverageItem a, CoverageItem b) =>
        Assert.True(NearDuplicates.AreSameStory(TextSignature.Parse(a.TextSignature)!, TextSignature.Parse(b.TextSignature)!), "precondition: the texts alone are near-duplicates");

    [Fact]
    public void TwoOutletsQuotingTheSameEssayLinesWithAStockLeadAreTwoItems()
    {
        var a = Article("https://outlet-a.example/clark-automation", Text("stock-lead-outlet-a"), "Priya Raman", "Jack Clark: AI may soon automate its own research");
        var b = Article("https://outlet-b.example/news/ai-research", Text("stock-lead-outlet-b"), "Tom Becker", "Anthropic's Clark warns of automated AI research");
        AssertTextsAlikeOnTheirOwn(a, b);

        Assert.False(NearDuplicates.AreSameStory(a, b));
    }

    [Fact]
    public void DifferentBylinesAreDifferentCoverageEvenUnderTheSameHeadline()
    {
        var a = Article("https://outlet-a.example/x", Text("stock-lead-outlet-a"), "Priya Raman", "AI may soon automate its own research");
        var b = Article("https://outlet-b.example/y", Text("stock-lead-outlet-b"), "Tom Becker", "AI may soon automate its own research");
        AssertTextsAlikeOnTheirOwn(a, b);

        Assert.False(NearDuplicates.AreSameStory(a, b));
    }

    [Fact]
    public void AWireCopyWithTheSameBylineAndASyndicationFooterIsOneItem()
    {
        var original = Article("https://wire.example/story", Text("original"), "Dana Whitfield", "Grid queues stretch past five years as AI demand soars");
        var copy = Article("https://paper.example/news/grid", Text("syndicated"), "By Dana Whitfield, Wire Service", "Data centers wait years for power", Day.AddHours(5));
        AssertTextsAlikeOnTheirOwn(original, copy);

        Assert.True(NearDuplicates.AreSameStory(original, copy));
        var merged = NearDuplicates.Merge(copy, original);
        Assert.Equal("https://wire.example/story", merged.Url);
        Assert.Equal(["https://paper.example/news/grid"], merged.AlsoAt);
    }

    [Fact]
    public void AnOrganisationsTwoStatementsSharingBoilerplateAreTwoItems()
    {
        var one = Article("https://irc.example/news/welcome-analysis", Text("statement-one"), null, "Institute welcomes new analysis of automated AI research");
        var two = Article("https://irc.example/news/new-fellows", Text("statement-two"), null, "Institute announces three new fellows");
        AssertTextsAlikeOnTheirOwn(one, two);

        Assert.False(NearDuplicates.AreSameStory(one, two));
    }

    [Fact]
    public void AnAmpCopyWithoutBylinesButWithTheSameHeadlineIsOneItem()
    {
        var page = Article("https://outlet.example/story", Text("original"), null, "Grid queues stretch past five years as AI demand soars - Outlet");
        var amp = Article("https://outlet.example/amp/story", Text("amp"), null, "Grid queues stretch past five years as AI demand soars");
        AssertTextsAlikeOnTheirOwn(page, amp);

        Assert.True(NearDuplicates.AreSameStory(page, amp));
    }

    [Fact]
    public void BylinelessPagesOfDifferentOutletsUnderTheSameHeadlineAreTwoItems()
    {
        var a = Article("https://first-outlet.example/press/institute-statement", Text("statement-one"), null, "Institute welcomes new analysis of automated AI research");
        var b = Article("https://second-outlet.example/news/institute-statement", Text("statement-one"), null, "Institute welcomes new analysis of automated AI research");
        var loopback = Article("http://127.0.0.1:8080/outlet.example/press/institute-statement", Text("statement-one"), null, "Institute welcomes new analysis of automated AI research");
        AssertTextsAlikeOnTheirOwn(a, b);

        Assert.False(NearDuplicates.AreSameStory(a, b));
        Assert.False(NearDuplicates.AreSameStory(a, loopback));
    }

    [Fact]
    public void WithoutBylinesOrHeadlinesTheSameTextIsNotEnough()
    {
        var a = Article("https://a.example/story", Text("original"), null, null);
        var b = Article("https://b.example/story", Text("amp"), null, null);
        AssertTextsAlikeOnTheirOwn(a, b);

        Assert.False(NearDuplicates.AreSameStory(a, b));
    }

    [Fact]
    public void TheCanonicalCopyDoesNotDependOnWhichArrivedFirst()
    {
        var a = Article("https://a.example/story", Text("original"), "Dana Whitfield", "Grid queues", published: null) with { PublishedAt = null };
        var b = Article("https://b.example/story", Text("amp"), "Dana Whitfield", "Grid queues", published: null) with { PublishedAt = null, FirstSeenAt = Day.AddMinutes(-5) };

        Assert.Equal(NearDuplicates.Merge(a, b).Url, NearDuplicates.Merge(b, a).Url);
        Assert.Equal("https://a.example/story", NearDuplicates.Merge(b, a).Url);
    }

    [Theory]
    [InlineData("Jane Doe", "By Jane Doe, Reuters", true)]
    [InlineData("Siobhán Ní Bhriain", "Siobhan Ni Bhriain", true)]
    [InlineData("DOE, JANE", "jane doe", true)]
    [InlineData("Jane Doe", "John Roe", false)]
    [InlineData("Jane Doe and John Roe", "Jane Doe", true)]
    [InlineData("Jane Doe", "Jane Smith", false)]
    public void BylinesAgreeWhenOneHoldsTheOthersNames(string a, string b, bool agree) => Assert.Equal(agree, Bylines.Agree(a, b));

    [Theory]
    [InlineData(null, "Jane Doe")]
    [InlineData("", "Jane Doe")]
    [InlineData("By Staff", "Jane Doe")]
    public void AMissingBylineSaysNothing(string? a, string b) => Assert.Null(Bylines.Agree(a, b));

    [Theory]
    [InlineData("AI may soon build itself - The Verge", "AI may soon build itself", true)]
    [InlineData("AI may soon build itself | Outlet", "ai may soon build itself!", true)]
    [InlineData("Exclusive: AI may soon build itself, Clark says", "AI may soon build itself", true)]
    [InlineData("Institute announces three new fellows", "Institute welcomes new analysis", false)]
    [InlineData("AI news", "AI news roundup for May", false)]
    public void HeadlinesAgreeWhenTheyAreTheSameWordsBesideAnOutletSuffix(string a, string b, bool agree) => Assert.Equal(agree, Titles.Agree(a, b));
}
