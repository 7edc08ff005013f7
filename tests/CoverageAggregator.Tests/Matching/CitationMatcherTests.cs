using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Matching;

public class CitationMatcherTests
{
    private const string EssayText =
        "Every exponential in AI eventually has to be plugged into a wall socket. We are not running out of compute; we are running out of places to plug it in.\n" +
        "The cliff is not a wall we hit all at once but a slope that gets steeper every quarter someone waits for a substation.";

    private static readonly EssayProfile Essay = new(new EssayConfig
    {
        Id = "cliff",
        Title = "The Compute Cliff",
        Author = "Mara Okafor",
        Publication = "Frontier Notes",
        Urls = ["https://frontiernotes.example/p/the-compute-cliff", "https://okafor.example/2026/10/the-compute-cliff/"],
        Keywords = ["The Compute Cliff", "compute cliff", "Mara Okafor"],
        PublishedAt = new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero),
    }, [], EssayText);

    private static readonly DateTimeOffset After = new(2026, 10, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LinkToTheMirrorWithTrackingAndWithoutSlashCitesByLink()
    {
        var citation = CitationMatcher.Match(Essay, Text("A piece.", "http://okafor.example/2026/10/the-compute-cliff?utm_source=x#top"));
        Assert.Equal(CitesBy.Link, citation?.By);
    }

    [Fact]
    public void TitleWithAuthorSurnameIsAMention()
    {
        var citation = CitationMatcher.Match(Essay, Text("In her essay “The Compute Cliff,” Okafor argues that power will cap AI."));
        Assert.Equal(CitesBy.Mention, citation?.By);
    }

    [Fact]
    public void PossessiveAuthorNameStillCountsForAMention() =>
        Assert.True(CitationMatcher.Mentions(Essay, "Finally read Mara Okafor's Compute Cliff essay."));

    [Fact]
    public void KeywordWithoutAuthorOrPublicationIsNotAMention() =>
        Assert.Null(CitationMatcher.Match(Essay, Text("I hit the compute cliff on my 3080 trying to run a model.")));

    [Fact]
    public void AnotherIssueOfTheSameNewsletterIsNotAMention()
    {
        var essay = new EssayProfile(new EssayConfig
        {
            Id = "ia455", Title = "Import AI 455: AI systems are about to start building themselves", Author = "Jack Clark", Publication = "Import AI",
            Urls = ["https://importai.example/p/import-ai-455"], Keywords = ["Import AI 455"],
        }, [], null);
        Assert.Null(CitationMatcher.Match(essay, Text("Jack Clark's Import AI 454 covers robot benchmarks.")));
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(essay, Text("Jack Clark's Import AI 455 is about recursion."))?.By);
    }

    [Fact]
    public void MentionBeforeTheEssayWasPublishedDoesNotCount()
    {
        var candidate = Text("“The Compute Cliff” by Mara Okafor") with { PublishedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Null(CitationMatcher.Match(Essay, candidate));
    }

    [Fact]
    public void ElidedQuoteWithBracketsMatchesTheWholeEssaySentence()
    {
        var citation = CitationMatcher.Match(Essay, Text("She writes: “The cliff is not a wall we hit all at once … [it is] a slope that gets steeper every quarter someone waits for a substation.”"));
        Assert.Equal(CitesBy.Quote, citation?.By);
        Assert.Equal(["The cliff is not a wall we hit all at once but a slope that gets steeper every quarter someone waits for a substation."], citation!.Quotes);
    }

    [Fact]
    public void EditedQuoteWithContractionsAndDashStillMatches()
    {
        var quotes = QuoteMatcher.Match(Essay, ["We're not running out of compute — we're running out of places to plug it in"]);
        Assert.Single(quotes);
    }

    [Fact]
    public void QuoteOfSomeoneElseIsNotAnEssayQuote()
    {
        var quotes = QuoteMatcher.Match(Essay, QuoteExtractor.Extract("“There is a real mismatch between how fast these companies move and how fast infrastructure can be permitted,” said a professor."));
        Assert.Empty(quotes);
    }

    [Fact]
    public void ShortFragmentsOfFewerThanFourWordsAreNotQuotes() =>
        Assert.Empty(QuoteExtractor.Extract("They call it “the cliff” now."));

    [Fact]
    public void ATextIsSplitOnceHoweverOftenItsWordsAreRead()
    {
        var words = SplitText.Of(new CandidateText("Title", "Mara Okafor’s essay", [], [], After));
        Assert.Equal("Title\nMara Okafor’s essay", words.Text);
        Assert.Same(words.Words, words.Words);
        Assert.Equal(["title", "mara", "okafor", "essay"], words.Words);
    }

    [Theory]
    [InlineData("Compute Cliff", "In her essay, Mara Okafor looks at grids.")]
    [InlineData(null, "Finally read Mara Okafor's Compute Cliff essay.")]
    [InlineData(null, "I hit the compute cliff on my 3080 trying to run a model.")]
    [InlineData("Grids", "Substations are slow to build.")]
    [InlineData(null, "She writes: “We are not running out of compute; we are running out of places to plug it in.”")]
    public void TextSplitOnceJudgesAsTheTextDoes(string? title, string text)
    {
        var candidate = new CandidateText(title, text, [], [], After);
        var words = SplitText.Of(candidate);
        Assert.Equal(CitationMatcher.Match(Essay, candidate)?.By, CitationMatcher.Match(Essay, candidate, words)?.By);
        Assert.Equal(CitationMatcher.MayConcern(Essay, title + "\n" + text), CitationMatcher.MayConcern(Essay, words.Words));
        Assert.Equal(CitationMatcher.Mentions(Essay, title + "\n" + text), CitationMatcher.Mentions(Essay, words.Words));
    }

    private static CandidateText Text(string text, params string[] links) => new(null, text, links, [], After);
}
