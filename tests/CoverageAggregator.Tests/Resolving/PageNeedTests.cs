using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Resolving;

public class PageNeedTests
{
    private static readonly IReadOnlyList<EssayProfile> Essays = [CliffEssay.Profile()];

    private static readonly string LongUnrelatedText = string.Join(' ', Enumerable.Repeat("Memory makers raised prices again this quarter as demand held.", 40));

    private static bool WantsPage(Candidate candidate) =>
        PageNeed.WantsPage(candidate, new SplitText(candidate.Title + "\n" + candidate.Text), Essays, PageNeed.MayCite(candidate, Essays));

    [Fact]
    public void ASummaryOnlyEntryAfterTheEssayHasItsPageRead() =>
        Assert.True(WantsPage(new Candidate { Url = "https://outlet.example/story", Title = "Grid limits", Text = "A short summary.", PublishedAt = CliffEssay.After }));

    [Fact]
    public void AFullTextEntryThatNeverConcernsAnEssayIsJudgedFromTheFeed() =>
        Assert.False(WantsPage(new Candidate { Url = "https://outlet.example/story", Title = "HBM prices", Text = LongUnrelatedText, PublishedAt = CliffEssay.After }));

    [Fact]
    public void AFullTextEntryThatNamesTheEssayHasItsPageRead() =>
        Assert.True(WantsPage(new Candidate
        {
            Url = "https://outlet.example/story",
            Title = "Mara Okafor's The Compute Cliff",
            Text = LongUnrelatedText,
            PublishedAt = CliffEssay.After,
        }));

    [Fact]
    public void AFullTextEntryThatLinksTheEssayHasItsPageRead() =>
        Assert.True(WantsPage(new Candidate
        {
            Url = "https://outlet.example/story",
            Title = "HBM prices",
            Text = LongUnrelatedText,
            Links = [CliffEssay.Mirror],
            PublishedAt = CliffEssay.After,
        }));

    [Theory]
    [InlineData(CliffEssay.Url)]
    [InlineData(CliffEssay.Mirror)]
    public void TheEssaysOwnPageIsNeverRead(string url) =>
        Assert.False(WantsPage(new Candidate { Url = url, Title = "The Compute Cliff", Text = "Short.", PublishedAt = CliffEssay.After }));

    [Fact]
    public void AnEntryOlderThanTheEssayIsNotRead() =>
        Assert.False(WantsPage(new Candidate { Url = "https://outlet.example/old", Title = "Grid limits", Text = "Short.", PublishedAt = CliffEssay.Before }));

    [Fact]
    public void ACompletePostIsNeverRead() =>
        Assert.False(WantsPage(new Candidate { Url = "https://bsky.app/profile/a/post/b", Text = "Short.", PublishedAt = CliffEssay.After, Complete = true }));

    [Fact]
    public void AnEntryWithoutALinkHasNothingToRead() =>
        Assert.False(WantsPage(new Candidate { Title = "Grid limits", Text = "Short.", PublishedAt = CliffEssay.After }));

    [Theory]
    [InlineData("Grid limits", "Mara Okafor argues the grid is the limit.", null)]
    [InlineData("Grid limits", "Prices rose.", CliffEssay.Mirror)]
    [InlineData("Grid limits", "Prices rose.", "https://bit.ly/3xYz")]
    [InlineData("La falaise", "Selon Frontier Notes, la demande va doubler.", null)]
    public void AnEntryThatNamesLinksOrMayHideTheEssayMayCite(string title, string text, string? link) =>
        Assert.True(PageNeed.MayCite(new Candidate { Url = "https://outlet.example/story", Title = title, Text = text, Links = link is null ? [] : [link] }, Essays));

    [Fact]
    public void AnEntryWithNothingOfTheEssayMayNotCite() =>
        Assert.False(PageNeed.MayCite(new Candidate { Url = "https://outlet.example/story", Title = "HBM prices", Text = LongUnrelatedText, Links = ["https://vendor.example/hbm"] }, Essays));
}
