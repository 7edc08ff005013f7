using CoverageAggregator.Matching;
using CoverageAggregator.Sources.Social;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Sources;

public class ThreadJudgeTests
{
    private static readonly DateTimeOffset Replied = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static Citation? Judge(string text, DateTimeOffset? at = null, params string[] links) =>
        ThreadJudge.Judge(Essay(), new CandidateText(null, text, links, [], at ?? Replied));

    [Fact]
    public void AReplyLinkingTheEssayKeepsItsLinkCitation() =>
        Assert.Equal(CitesBy.Link, Judge("Here it is", null, EssayUrl)?.By);

    [Fact]
    public void AReplyQuotingTheEssayIsAQuote()
    {
        var citation = Judge("\"" + Quote + "\" is the line I keep coming back to.");

        Assert.Equal(CitesBy.Quote, citation?.By);
        Assert.Equal([Quote], citation!.Quotes);
    }

    [Fact]
    public void AReplyNamingTheAuthorInASentenceOfSubstanceDiscussesTheEssay() =>
        Assert.Equal(ThreadJudge.Discussion, Judge("Reyes is right that our port planners never look at the tables before booking berths."));

    [Fact]
    public void AReplyDiscussingWhatTheEssaySaysWithoutNamingItIsCoverage() =>
        Assert.Equal(ThreadJudge.Discussion, Judge("Our cranes sit idle half the week because the water decides, exactly as the schedules ignore the ocean."));

    [Theory]
    [InlineData("lol")]
    [InlineData("+1")]
    [InlineData("this!!")]
    [InlineData("Great read, thanks for sharing this essay!")]
    [InlineData("lol same, agreed, great thread, love it")]
    public void AReactionIsNotCoverage(string reply) => Assert.Null(Judge(reply));

    [Theory]
    [InlineData("Anyone know a good pizza place near the conference venue tonight? Asking for a friend.")]
    [InlineData("Unrelated, but my cat just knocked the coffee over the new keyboard again this morning.")]
    public void AnOffTopicReplyIsNotCoverage(string reply) => Assert.Null(Judge(reply));

    [Fact]
    public void AReplyFromBeforeTheEssayIsNotCoverage() =>
        Assert.Null(Judge("The cranes are fast but the water decides when ports may work their schedules.", Replied.AddDays(-30)));
}
