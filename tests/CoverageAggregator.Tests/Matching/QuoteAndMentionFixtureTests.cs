using System.Text;
using CoverageAggregator.Configuration;
using CoverageAggregator.Feeds;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Matching;

/// <summary>Fixture cases for quote extraction, quote matching and mention detection, in several languages.</summary>
public class QuoteAndMentionFixtureTests
{
    private const string Q1 = "We are not running out of compute; we are running out of places to plug it in.";
    private const string Q2 = "The cliff is not a wall we hit all at once but a slope that gets steeper every quarter someone waits for a substation.";
    private const string Q3 = "Optimizing the chip while ignoring the socket is how you end up with stranded silicon.";

    private static readonly EssayProfile Essay = new(new EssayConfig
    {
        Id = "cliff",
        Title = "The Compute Cliff",
        Author = "Mara Okafor",
        Publication = "Frontier Notes",
        Urls = ["https://frontiernotes.example/p/the-compute-cliff"],
        Keywords = ["The Compute Cliff", "compute cliff", "Mara Okafor"],
        PublishedAt = new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.Zero),
    }, [], string.Join("\n", Q1, Q2, Q3));

    private static readonly DateTimeOffset After = new(2026, 10, 16, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("She wrote: “we are running out of places to plug it in,” and left it there.", "we are running out of places to plug it in,")]
    [InlineData("She wrote: \"we are running out of places to plug it in\" and left it there.", "we are running out of places to plug it in")]
    [InlineData("Sie schreibt: „we are running out of places to plug it in“, und das stimmt.", "we are running out of places to plug it in")]
    [InlineData("Elle écrit : « we are running out of places to plug it in » et conclut.", "we are running out of places to plug it in")]
    [InlineData("Pisze: „we are running out of places to plug it in”.", "we are running out of places to plug it in")]
    [InlineData("Elle cite ‹ we are running out of places to plug it in › en anglais.", "we are running out of places to plug it in")]
    [InlineData("彼女は「we are running out of places to plug it in」と書いた。", "we are running out of places to plug it in")]
    [InlineData("As she put it, ‘we are running out of places to plug it in’ — and that’s the point.", "we are running out of places to plug it in")]
    [InlineData("> We are not running out of compute; we are running out of places to plug it in.", "We are not running out of compute; we are running out of places to plug it in.")]
    [InlineData("She said “don’t wait for the substation to be built” at the panel.", "don’t wait for the substation to be built")]
    public void QuotedSpansAreFoundInEveryQuotationStyle(string text, string expected) =>
        Assert.Contains(expected, QuoteExtractor.Extract(text));

    [Theory]
    [InlineData("It’s the company’s view that the grid’s limits matter.")]
    [InlineData("Call it “the cliff” and move on.")]
    [InlineData("No quotes at all in this sentence about power and chips.")]
    public void ApostrophesAndShortScareQuotesAreNotQuotes(string text) => Assert.Empty(QuoteExtractor.Extract(text));

    [Fact]
    public void BlockQuotesCountAsQuotedSpans() =>
        Assert.Contains(Q2, QuoteExtractor.Extract("Intro.", [Q2]));

    [Theory]
    [InlineData("we are not running out of compute; we are running out of places to plug it in", Q1)]
    [InlineData("WE ARE NOT RUNNING OUT OF COMPUTE;   WE ARE RUNNING OUT OF PLACES TO PLUG IT IN.", Q1)]
    [InlineData("We are not running out of compute... we are running out of places to plug it in.", Q1)]
    [InlineData("We are running out of places to plug it in", Q1)]
    [InlineData("The cliff is not a wall we hit all at once … a slope that gets steeper every quarter", Q2)]
    [InlineData("The cliff is not a wall we hit all at once, but a slope that gets steeper each quarter someone waits for a substation", Q2)]
    [InlineData("Optimising the chip while ignoring the socket is how you end up with stranded silicon.", Q3)]
    public void EssayQuotesMatchDespiteCaseSpacingEllipsesAndSmallEdits(string span, string sentence) =>
        Assert.Equal(sentence, QuoteMatcher.MatchSpan(Essay, span));

    [Fact]
    public void AQuoteAcrossTwoSentencesGivesBothSentences() =>
        Assert.Equal(Q1 + " " + Q2, QuoteMatcher.MatchSpan(Essay, "We are running out of places to plug it in. The cliff is not a wall we hit all at once"));

    [Theory]
    [InlineData("We are running out of patience with the compute vendors and their pricing")]
    [InlineData("There is a real mismatch between how fast these companies move and how fast infrastructure can be permitted")]
    [InlineData("Wir haben nicht zu wenig Rechenleistung, sondern zu wenige Steckdosen")]
    [InlineData("the socket")]
    public void OtherPeoplesQuotesAndTranslationsAreNotEssayQuotes(string span) => Assert.Null(QuoteMatcher.MatchSpan(Essay, span));

    [Fact]
    public void AQuoteMatchesInAnArticleWrittenInAnotherLanguage()
    {
        var text = "Die Autorin fasst es so zusammen: „We are not running out of compute; we are running out of places to plug it in.“ Ein Ökonom widerspricht: „Das ist übertrieben, die Netze wachsen doch jedes Jahr.“";
        var citation = CitationMatcher.Match(Essay, new CandidateText("Strom statt Chips", text, [], [], After));
        Assert.Equal(CitesBy.Quote, citation?.By);
        Assert.Equal([Q1], citation!.Quotes);
    }

    [Theory]
    [InlineData("In “The Compute Cliff,” Okafor argues that power will cap AI.")]
    [InlineData("Frontier Notes published The Compute Cliff this week.")]
    [InlineData("Mara Okafor’s compute cliff thesis is everywhere.")]
    [InlineData("Der Essay „The Compute Cliff“ von Mara Okafor wird viel diskutiert.")]
    [InlineData("THE COMPUTE CLIFF, BY MARA OKAFOR")]
    public void TitleOrKeywordWithAuthorOrPublicationIsAMention(string text) =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, new CandidateText(null, text, [], [], After))?.By);

    [Theory]
    [InlineData("Mara Okafor’s earlier essay, The Inference Tax, is worth rereading.")]
    [InlineData("Frontier Notes: Scaling Laws Are a Budget, by Mara Okafor.")]
    [InlineData("My laptop hit the compute cliff when I loaded the model.")]
    [InlineData("Okafor spoke about the computer cliff diving trip.")]
    public void AnotherEssayOfTheSameNewsletterOrAKeywordAloneIsNotAMention(string text) =>
        Assert.Null(CitationMatcher.Match(Essay, new CandidateText(null, text, [], [], After)));

    [Fact]
    public void AMentionLongAfterTheWindowDoesNotCount() =>
        Assert.Null(CitationMatcher.Match(Essay, new CandidateText(null, "The Compute Cliff by Mara Okafor", [], [], Essay.Essay.PublishedAt!.Value.AddDays(400))));

    [Fact]
    public void ALinkCountsWhateverTheLanguageAndDate() =>
        Assert.Equal(CitesBy.Link, CitationMatcher.Match(Essay, new CandidateText("Статья", "Смотрите эссе.", ["https://frontiernotes.example/p/the-compute-cliff/?utm_source=tg"], [], null))?.By);

    [Fact]
    public void ACyrillicPageInWindows1251IsDecodedAndReadWithItsOffsetDate()
    {
        var html = """
            <html lang="ru"><head><meta charset="windows-1251"><title>Энергия вместо чипов</title>
            <meta property="article:published_time" content="2026-10-16T10:15:00+03:00">
            <meta name="author" content="Анна Петрова"></head>
            <body><article><h1>Энергия вместо чипов</h1>
            <p>Автор эссе пишет: «We are not running out of compute; we are running out of places to plug it in.» Энергетики с этим не согласны и говорят, что сети растут каждый год.</p>
            <p>Очереди на подключение крупных потребителей в некоторых регионах растянулись на пять лет, а трансформаторы приходится ждать ещё дольше.</p>
            </article></body></html>
            """;
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(html);
        var page = ArticleParser.Parse(TextDecoding.Decode(bytes, null), new Uri("https://novosti.example/2026/10/16/energiya"));

        Assert.Equal("Энергия вместо чипов", page.Title);
        Assert.Equal("Анна Петрова", page.Author);
        Assert.Equal(new DateTimeOffset(2026, 10, 16, 7, 15, 0, TimeSpan.Zero), page.PublishedAt!.Value.ToUniversalTime());
        Assert.Equal("ru", page.Language);
        Assert.Equal([Q1], CitationMatcher.Match(Essay, new CandidateText(page.Title, page.MainText, page.Links, page.BlockQuotes, page.PublishedAt))!.Quotes);
    }

    [Theory]
    [InlineData("Fri, 16 Oct 2026 08:00:00 +0200", "2026-10-16T06:00:00Z")]
    [InlineData("2026-10-16T08:00:00+09:00", "2026-10-15T23:00:00Z")]
    [InlineData("16 Oct 2026 22:45 -0400", "2026-10-17T02:45:00Z")]
    public void DatesWithForeignOffsetsKeepTheirUtcDay(string value, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateParsing.Parse(value)!.Value.ToUniversalTime());
}
