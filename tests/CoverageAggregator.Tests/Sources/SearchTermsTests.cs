using CoverageAggregator.Configuration;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Tests.Sources;

public class SearchTermsTests
{
    private static readonly EssayConfig Essay = new()
    {
        Id = "e",
        Title = "The Tide Clock",
        Author = "Ana Reyes",
        Publication = "Harbor Letters",
        Urls = ["https://harborletters.example/p/the-tide-clock", "http://anareyes.example/2026/03/the-tide-clock/"],
        Keywords = ["tide clock", "Ana Reyes", "Harbor Letters", "port schedules"],
    };

    [Fact]
    public void PhrasesDropNamesOfTheAuthorAndPublicationAndPhrasesContainingAShorterOne() =>
        Assert.Equal(["tide clock", "port schedules"], SearchTerms.Phrases(Essay));

    [Fact]
    public void TagsAreThePhrasesInLowerCaseLettersAndDigits() =>
        Assert.Equal(["tideclock", "portschedules"], SearchTerms.Tags(Essay));

    [Fact]
    public void BareUrlsHaveNoSchemeAndNoTrailingSlash() =>
        Assert.Equal(["harborletters.example/p/the-tide-clock", "anareyes.example/2026/03/the-tide-clock"], SearchTerms.BareUrls(Essay));
}
