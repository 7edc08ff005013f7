using CoverageAggregator.Matching;
using static CoverageAggregator.Tests.Matching.ImportAi455;

namespace CoverageAggregator.Tests.Matching;

/// <summary>
/// Mentions of Import AI 455 in English, Simplified and Traditional Chinese and Japanese: the issue by its number in any
/// numeral form, the title or a title the essay page offers, the author and publication with the essay's claims. The
/// texts are excerpts of real public pages about the essay (source beside each), some with the issue named as the
/// issue report quotes them (「Import AI」第 455 期); the negatives name other issues, other authors, or nothing.
/// </summary>
public class MultilingualMentionTests
{
    [Theory]
    [InlineData("Import AI 455 is Jack Clark’s most direct forecast yet.")]
    [InlineData("Read Import AI #455 this week.")]
    [InlineData("Import AI, No. 455, came out on Monday.")]
    [InlineData("Import AI issue 455 argues for a 60% chance by 2028.")]
    [InlineData("「Import AI」第 455 期讨论了自动化的 AI 研究。")]
    [InlineData("「Import AI」第455期讨论了自动化的 AI 研究。")]
    [InlineData("Ｉｍｐｏｒｔ ＡＩ ４５５ 號的主題是自動化 AI 研究。")]
    [InlineData("《Import AI》第四百五十五期聚焦於「自動化 AI 研究」的最新趨勢。")]
    [InlineData("第455期《Import AI》：AI 系统即将开始自我构建")]
    [InlineData("Jack Clark の「Import AI」455号は、2028 年までの自己改善型 AI を論じている。")]
    public void TheIssueNumberNextToThePublicationIsAMentionInAnyNumeralForm(string text) =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text(text))?.By);

    [Theory]
    [InlineData("Jack Clark’s Import AI 454 covers robot benchmarks.")]
    [InlineData("Import AI #4550 does not exist yet.")]
    [InlineData("「Import AI」第 456 期讨论了机器人基准。")]
    [InlineData("《Import AI》第四百五十四期聚焦於機器人。")]
    [InlineData("Jack Clark の「Import AI」454号はロボットを論じている。")]
    [InlineData("455 readers of Import AI answered the survey.")]
    public void ADifferentIssueNumberOfTheSameNewsletterIsNotAMention(string text) =>
        Assert.Null(CitationMatcher.Match(Essay, Text(text)));

    [Fact]
    public void AKeywordWithTheAuthorDoesNotCountInATextAboutAnotherIssue() =>
        Assert.Null(CitationMatcher.Match(Essay, Text("Jack Clark’s Import AI 454 is also about recursive self-improvement.")));

    [Theory]
    [InlineData("Jack Clark 的长文《AI系统即将开始自我构建》认为，2028 年底前实现的可能性超过六成。")]
    [InlineData("Jack Clark の「AIシステムは自らを作り始めようとしている」は話題になった。")]
    [InlineData("Jack Clark argues that AI systems are about to start building themselves.")]
    public void ATitleOrATranslatedTitleTheEssayPageOffersWithTheAuthorIsAMention(string text) =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text(text))?.By);

    [Fact]
    public void ATranslatedTitleWithoutTheAuthorOrPublicationIsNotAMention() =>
        Assert.Null(CitationMatcher.Match(Essay, Text("有人说AI系统即将开始自我构建，但证据不足。")));

    [Fact]
    public void AChineseKeywordIsFoundInsideUnspacedText()
    {
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text("Jack Clark认为递归自我改进即将到来。"))?.By);
        Assert.Null(CitationMatcher.Match(Essay, Text("Jack Clark认为递归算法很重要。")));
    }

    // aihot.virxact.com/items/cmosls0n9008csl56tr5egmol: the Chinese summary of The Decoder's report (first sentences).
    [Fact]
    public void ASimplifiedChineseSummaryNamingTheAuthorIssueAndClaimIsAMention() =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text(
            "Anthropic联合创始人Jack Clark在「Import AI」第 455 期的长文中指出，AI系统训练其自身后继者所需的基础构件已基本就位。他预测到2028年底，AI实现递归式自我改进的可能性高达60%。"))?.By);

    // everycorner.ai/news?tag=recursive-self-improvement: a Traditional Chinese note on an Import AI issue (first sentence),
    // which names no issue number: on its own it is not a mention of issue 455.
    [Fact]
    public void ATraditionalChineseNoteOnAnUnnumberedImportAiIssueWithoutTheAuthorIsNotAMention() =>
        Assert.Null(CitationMatcher.Match(Essay, Text("本期 Import AI 聚焦於「自動化 AI 研究」的最新趨勢。")));

    // news.ainew.jp/article/1cb22993-cb4f-4be4-bf55-6fbaf07cce7b: a Japanese TLDR AI summary (its TL;DR sentence), with
    // the issue named as Japanese posts name it.
    [Fact]
    public void AJapaneseSummaryNamingTheIssueIsAMention() =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text(
            "「Import AI」第455号によれば、AI が自身の研究開発を自動化する段階に達し、2028 年までに自己改善型 AI が出現する可能性が示唆される。"))?.By);

    // the-decoder.com via aihot.virxact.com: "In his newsletter Import AI, Anthropic co-founder Jack Clark says …" — the
    // author and the publication with the essay's claims, but neither its title nor its number.
    [Fact]
    public void TheAuthorAndPublicationWithTheEssaysClaimsAreAMention() =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text(
            "In his long essay in Import AI, Jack Clark reluctantly puts at 60 percent the odds that by 2028 an AI system trains its own successor autonomously; "
            + "past that Rubicon the future cannot be forecast, he writes, and he feels dwarfed by the implications."))?.By);

    [Theory]
    [InlineData("Jack Clark writes Import AI, a weekly newsletter about AI research that covers papers and includes short stories.")] // en.wikipedia.org/wiki/Jack_Clark_(AI_policy_expert)
    [InlineData("Import AI guest essay: Helen Toner on why the successor question is plausibly the wrong one, dwarfed by implications autonomously reluctantly.")]
    [InlineData("Jack Clark 创办Import AI周刊，拥有2.5万名行业专家读者。")] // reportify.cn, summary of 海外独角兽's profile of Jack Clark
    public void TheAuthorOrPublicationWithoutTheEssaysClaimsOrAnotherAuthorsEssayIsNotAMention(string text) =>
        Assert.Null(CitationMatcher.Match(Essay, Text(text)));

    [Fact]
    public void AMentionTwoYearsAfterTheEssayDoesNotCountButALinkDoes()
    {
        var twoYearsOn = Published.AddYears(2);
        Assert.Null(CitationMatcher.Match(Essay, Text("「Import AI」第 455 期回顾", twoYearsOn)));
        Assert.Equal(CitesBy.Link, CitationMatcher.Match(Essay, Text("Lecture 12 reading:", twoYearsOn, "https://importai.substack.com/p/import-ai-455-ai-systems-are-about"))?.By);
    }

    [Theory]
    [InlineData("四百五十五", 455)]
    [InlineData("四五五", 455)]
    [InlineData("一千零二十", 1020)]
    [InlineData("十二", 12)]
    [InlineData("两万三千", 23000)]
    public void ChineseNumeralsAreRead(string numerals, long value) => Assert.Equal(value, IssueNumbers.Chinese(numerals));
}
