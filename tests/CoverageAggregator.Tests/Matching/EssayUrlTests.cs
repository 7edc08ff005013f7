using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Matching;

/// <summary>Which URLs are the essay's: its exact URLs, also inside a web archive's snapshot, never a site root.</summary>
public class EssayUrlTests
{
    private static readonly EssayProfile Essay = new(new EssayConfig
    {
        Id = "import-ai-455",
        Title = "Import AI 455: Automating AI Research",
        Author = "Jack Clark",
        Publication = "Import AI",
        Urls = ["https://importai.substack.com/p/import-ai-455-automating-ai-research", "https://jack-clark.net/2026/05/04/import-ai-455-automating-ai-research/", "https://jack-clark.net/"],
        PublishedAt = new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero),
    }, [], null);

    [Theory]
    [InlineData("https://web.archive.org/web/20260505093112/https://importai.substack.com/p/import-ai-455-automating-ai-research")]
    [InlineData("http://web.archive.org/web/20260505093112id_/https://importai.substack.com/p/import-ai-455-automating-ai-research?utm_source=x")]
    [InlineData("https://web.archive.org/web/2026/https:/jack-clark.net/2026/05/04/import-ai-455-automating-ai-research/")]
    [InlineData("https://web.archive.org/web/20260601000000*/importai.substack.com/p/import-ai-455-automating-ai-research")]
    [InlineData("https://archive.ph/20260506101500/https://importai.substack.com/p/import-ai-455-automating-ai-research")]
    [InlineData("https://archive.today/newest/https://jack-clark.net/2026/05/04/import-ai-455-automating-ai-research/")]
    public void ASnapshotOfTheEssayInAWebArchiveIsTheEssay(string url) => Assert.True(Essay.IsEssayUrl(url));

    [Theory]
    [InlineData("https://web.archive.org/web/20260505093112/https://importai.substack.com/p/import-ai-454-something-else")]
    [InlineData("https://archive.ph/AbCdE")]
    [InlineData("https://web.archive.org/")]
    [InlineData("https://archive.example/web/20260505093112/https://importai.substack.com/p/import-ai-455-automating-ai-research")]
    public void OtherSnapshotsAndLookalikesAreNot(string url) => Assert.False(Essay.IsEssayUrl(url));

    [Theory]
    [InlineData("https://jack-clark.net/")]
    [InlineData("https://jack-clark.net")]
    [InlineData("https://www.jack-clark.net/")]
    public void ASiteRootAmongTheEssaysUrlsNeverCitesIt(string url) => Assert.False(Essay.IsEssayUrl(url));

    [Fact]
    public void AHomePageLinkCreditingTheAuthorIsNoLinkCitation()
    {
        var text = new CandidateText("This week in AI", "Thanks to Jack Clark, Import AI, for the pointer to the benchmark results discussed below.",
            ["https://jack-clark.net/"], [], new DateTimeOffset(2026, 5, 6, 0, 0, 0, TimeSpan.Zero));

        Assert.NotEqual(CitesBy.Link, CitationMatcher.Match(Essay, text)?.By);
    }
}
