using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;

namespace CoverageAggregator.Tests.Deduplication;

public class NearDuplicatesTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 16, 9, 0, 0, TimeSpan.Zero);

    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Deduplication", name + ".txt"));

    private static TextSignature Signature(string name) => TextSignature.Of(Text(name))!;

    private static CoverageItem Item(string url, string text, DateTimeOffset? published, string[]? alsoAt = null) => new()
    {
        EssayId = "essay",
        Author = "Dana Whitfield",
        Url = url,
        AlsoAt = alsoAt ?? [],
        PublishedAt = published,
        FirstSeenAt = Day,
        UpdatedAt = Day,
        TextSignature = TextSignature.Of(Text(text))?.Serialize(),
    };

    [Theory]
    [InlineData("syndicated")]
    [InlineData("amp")]
    [InlineData("wire-truncated")]
    public void CopiesOfTheSameStoryAreTheSameStory(string copy) =>
        Assert.True(NearDuplicates.AreSameStory(Signature("original"), Signature(copy)));

    [Fact]
    public void TwoDifferentArticlesQuotingTheSameSentenceStayApart()
    {
        var a = Signature("original");
        var b = Signature("other-quoting-same-sentence");
        Assert.False(NearDuplicates.AreSameStory(a, b));
        Assert.True(a.Jaccard(b) < 0.2);
    }

    [Fact]
    public void AShortTextIsNotJudged() =>
        Assert.Null(TextSignature.Of("\"We are not running out of compute; we are running out of places to plug it in,\" she wrote."));

    [Fact]
    public void ASignatureSurvivesStorage()
    {
        var signature = Signature("original");
        var read = TextSignature.Parse(signature.Serialize());
        Assert.NotNull(read);
        Assert.Equal(signature.Minima, read.Minima);
        Assert.Equal(signature.Shingles, read.Shingles);
        Assert.True(signature.Serialize().Length < 1000);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v0:12:AAAA")]
    [InlineData("v1:x:AAAA")]
    [InlineData("v1:40:not-base64")]
    public void ADamagedOrForeignSignatureReadsAsNone(string? value) => Assert.Null(TextSignature.Parse(value));

    [Fact]
    public void TheSignatureIgnoresCaseQuotesAndSpacing() =>
        Assert.Equal(1.0, TextSignature.Of(Text("original"))!.Jaccard(TextSignature.Of(Text("original").ToUpperInvariant().Replace("\n", "  \n "))!));

    [Fact]
    public void TheEarliestCopyIsCanonicalAndTheOtherGoesInAlsoAt()
    {
        var wire = Item("https://wire.example/story", "original", Day.AddHours(-3));
        var reprint = Item("https://paper.example/news/story", "syndicated", Day);
        var merged = NearDuplicates.Merge(reprint, wire);
        Assert.Equal("https://wire.example/story", merged.Url);
        Assert.Contains("https://paper.example/news/story", merged.AlsoAt);
    }

    [Fact]
    public void TheOriginalNamedByTheCopyIsCanonicalEvenWhenTheCopyIsOlder()
    {
        var original = Item("https://outlet.example/story", "original", Day);
        var copy = Item("https://mirror.example/story", "syndicated", Day.AddHours(-1), alsoAt: ["https://outlet.example/story"]);
        Assert.Same(original, NearDuplicates.Canonical(original, copy));
    }

    [Fact]
    public void TheOriginalNamedByTheCopyKeepsItsCreditEvenWhenTheCopyIsOlder()
    {
        var original = Item("https://outlet.example/story", "original", Day) with { Outlet = "The Outlet" };
        var copy = Item("https://mirror.example/story", "syndicated", Day.AddHours(-1), alsoAt: ["https://outlet.example/story"]) with { Outlet = "The Mirror" };

        foreach (var merged in new[] { NearDuplicates.Merge(original, copy), NearDuplicates.Merge(copy, original) })
        {
            Assert.Equal(("https://outlet.example/story", "The Outlet", (DateTimeOffset?)Day), (merged.Url, merged.Outlet, merged.PublishedAt));
        }
    }

    [Fact]
    public void WithoutDatesTheUrlThatSortsFirstIsCanonical()
    {
        var stored = Item("https://b.example/story", "original", null);
        var incoming = Item("https://a.example/story", "amp", null);
        Assert.Same(incoming, NearDuplicates.Canonical(stored, incoming));
        Assert.Same(incoming, NearDuplicates.Canonical(incoming, stored));
    }

    [Fact]
    public void ItemsWithoutSignaturesOrOfDifferentKindsAreNeverMerged()
    {
        var article = Item("https://a.example/story", "original", Day);
        Assert.False(NearDuplicates.AreSameStory(article, article with { Url = "https://b.example/x", TextSignature = null }));
        Assert.False(NearDuplicates.AreSameStory(article, article with { Url = "https://b.example/x", Kind = CoverageKinds.Post }));
        Assert.True(NearDuplicates.AreSameStory(article, Item("https://b.example/story", "syndicated", Day)));
    }
}
