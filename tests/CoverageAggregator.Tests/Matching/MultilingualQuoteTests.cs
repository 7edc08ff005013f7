using CoverageAggregator.Matching;
using static CoverageAggregator.Tests.Matching.ImportAi455;

namespace CoverageAggregator.Tests.Matching;

/// <summary>
/// Quotes of Import AI 455 in English, Chinese and Japanese texts: short rare fragments of long sentences, sentences
/// reproduced without quotation marks, mixed and nested marks in one paragraph; and the stock phrases that must not count.
/// </summary>
public class MultilingualQuoteTests
{
    [Theory]
    // the-decoder.com (via aihot.virxact.com): "… a system that can train a more powerful successor on its own, "no-human-involved."", with the fragment as the essay has it
    [InlineData("What he means specifically is a system that can train a more powerful successor on its own, \"no-human-involved AI R&D\", by 2028.")]
    [InlineData("他所说的是“no-human-involved AI R&D”：一个能自行训练更强后继者的系统。")]
    [InlineData("Clark氏が言う「no-human-involved AI R&D」とは、後継モデルを自ら訓練できるAIのことだ。")]
    public void AShortRareFragmentOfALongSentenceIsAQuoteInAnyLanguage(string text)
    {
        var citation = CitationMatcher.Match(Essay, Text(text));
        Assert.Equal(CitesBy.Quote, citation?.By);
        Assert.Equal([NoHumanInvolved], citation!.Quotes);
    }

    [Theory]
    [InlineData("He admits: “This is a big deal.”")]
    [InlineData("“I don’t know how to” is how every honest forecast starts.")]
    [InlineData("It happens “by the end of 2028”, he says.")]
    [InlineData("“it is important to note that” nothing is certain.")]
    [InlineData("他说「this is a big deal」。")]
    public void QuotedStockPhrasesThatTheEssayAlsoUsesAreNotQuotes(string text) =>
        Assert.Empty(CitationMatcher.Match(Essay, Text(text, links: "https://importai.substack.com/p/import-ai-455-ai-systems-are-about"))!.Quotes);

    // timeahead.in reproduces the essay's opening without quotation marks (two of its sentences here).
    [Fact]
    public void SentencesReproducedWithoutQuotationMarksAreQuoted()
    {
        var text = "Import AI (Jack Clark) · 10d ago\n" + Reluctant + " " + EndToEnd + " More on this later.";
        var citation = CitationMatcher.Match(Essay, Text(text));
        Assert.Equal(CitesBy.Quote, citation?.By);
        Assert.Equal([Reluctant, EndToEnd], citation!.Quotes);
    }

    [Fact]
    public void AnEnglishSentenceReproducedInsideAChinesePostIsQuoted()
    {
        var citation = CitationMatcher.Match(Essay, Text("原文写道：" + Rubicon + "这句话被广泛转发。"));
        Assert.Equal([Rubicon], citation?.Quotes);
    }

    [Theory]
    [InlineData("By the end of 2028 we will know, and I don’t know how to price cloud GPUs either.")]
    [InlineData("This is a big deal for the industry, and it is a reluctant view.")]
    [InlineData("AI systems are about to start building themselves, Jack Clark says.")] // the title: a name, not a quote
    [InlineData("Even skeptics agree that no-human-involved AI R&D is years away.")] // a phrase of the essay reused in one's own sentence
    [InlineData("懐疑派でさえ no-human-involved AI R&D はまだ先だと言う。")]
    public void StockPhrasesTheTitleAndReusedPhrasesSharedWithTheEssayWithoutMarksAreNotQuotes(string text) =>
        Assert.Empty(CitationMatcher.Quotes(Essay, Text(text), Words.Split(text)));

    [Fact]
    public void QuotesAndReproductionsCountAtAnyAgeAfterTheEssayButNotBeforeIt()
    {
        const string text = "As Clark wrote, “no-human-involved AI R&D” is the thing to watch.";
        Assert.Equal(CitesBy.Quote, CitationMatcher.Match(Essay, Text(text, Published.AddYears(2)))?.By);
        Assert.Null(CitationMatcher.Match(Essay, Text(text, Published.AddDays(-30))));
    }

    [Fact]
    public void StraightQuotesAfterAShortQuoteInTheSameParagraphAreExtracted() =>
        Assert.Contains("no-human-involved AI R&D", QuoteExtractor.Extract("He calls it \"AI\" and then \"no-human-involved AI R&D\" in one breath."));

    [Fact]
    public void MixedAndNestedQuotationMarksInOneParagraphEachGiveTheirSpan()
    {
        var spans = QuoteExtractor.Extract(
            "He wrote \"AI\", then “the takeoff ‘towards fully automated AI R&D’ is happening”, 「AIは『end-to-end automated』になる」と述べ、"
            + "« cross a Rubicon into a nearly-impossible-to-forecast future » — and 'it’s a reluctant view' too.");
        Assert.Contains("the takeoff ‘towards fully automated AI R&D’ is happening", spans);
        Assert.Contains("towards fully automated AI R&D", spans);
        Assert.Contains("AIは『end-to-end automated』になる", spans);
        Assert.Contains("end-to-end automated", spans);
        Assert.Contains("cross a Rubicon into a nearly-impossible-to-forecast future", spans);
        Assert.DoesNotContain(spans, s => s.StartsWith(", then", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("at the end of the day")]
    [InlineData("the United States and China")]
    [InlineData("it is important to note that")]
    [InlineData("on the other hand")]
    [InlineData("as a matter of fact")]
    [InlineData("for the first time in history")]
    [InlineData("我们认为这是一个")]
    public void StockPhrasesAreCommon(string phrase) => Assert.False(VerbatimSpans.IsRare(Words.Split(phrase)));

    [Theory]
    [InlineData("no-human-involved AI R&D")]
    [InlineData("cross a Rubicon into a nearly-impossible-to-forecast future")]
    [InlineData("训练其自身后继者所需的基础构件")]
    public void PhrasesOfTheEssaysOwnAreRare(string phrase) => Assert.True(VerbatimSpans.IsRare(Words.Split(phrase)));
}
