using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

/// <summary>The language recorded on an item: the page's declaration, else its text's script and function words.</summary>
public class TextLanguageTests
{
    [Theory]
    // the-decoder.com, via aihot.virxact.com
    [InlineData("In his newsletter Import AI, Anthropic co-founder Jack Clark says public data points to an imminent automation of AI research.", "en")]
    // aihot.virxact.com: the Chinese summary of the same report
    [InlineData("Anthropic联合创始人Jack Clark在长文中指出，AI系统训练其自身后继者所需的基础构件已基本就位。他预测到2028年底，AI实现递归式自我改进的可能性高达60%。", "zh-Hans")]
    // everycorner.ai: a Traditional Chinese note on Import AI
    [InlineData("本期 Import AI 聚焦於「自動化 AI 研究」的最新趨勢。隨著大語言模型與 Agent 技術的成熟，AI 系統已開始展現出自動撰寫程式碼的能力。", "zh-Hant")]
    // news.ainew.jp: a Japanese summary
    [InlineData("AI が自身の研究開発を自動化する段階に達し、2028 年までに自己改善型 AI が出現する可能性が示唆されることで、産業構造の根本的転換が迫られている。", "ja")]
    [InlineData("Jack Clark는 2028년 말까지 AI 연구가 완전히 자동화될 가능성이 60% 이상이라고 본다.", "ko")]
    [InlineData("Der Essay von Jack Clark ist nicht nur eine Prognose, sondern auch eine Warnung an die Politik und die Labore.", "de")]
    [InlineData("Джек Кларк считает, что ИИ скоро начнёт создавать сам себя.", "ru")]
    public void TheLanguageOfATextIsToldByItsScriptAndWords(string text, string expected) =>
        Assert.Equal(expected, TextLanguage.OfText(text));

    [Theory]
    [InlineData("")]
    [InlineData("AI 455")]
    [InlineData("2028 60% 30%")]
    public void ATextTooShortToTellHasNoLanguage(string text) => Assert.Null(TextLanguage.OfText(text));

    [Fact]
    public void AnEnglishQuoteInAJapanesePostLeavesItJapanese() =>
        Assert.Equal("ja", TextLanguage.OfText("Clark氏は「no-human-involved AI R&D」が2028年までに実現する可能性は60%以上だと述べた。"));

    [Fact]
    public void ThePagesDeclarationWinsExceptABareChineseOneThatTheScriptMakesPrecise()
    {
        Assert.Equal("en-GB", TextLanguage.Of("en-GB", "Der Essay ist nicht nur eine Prognose, sondern auch eine Warnung."));
        Assert.Equal("zh-Hant", TextLanguage.Of("zh", "本期聚焦於自動化研究的最新趨勢，這個問題會持續發展。"));
        Assert.Equal("zh-Hans", TextLanguage.Of("zh", "本期聚焦于自动化研究的最新趋势，这个问题会持续发展。"));
        Assert.Equal("fr", TextLanguage.Of(null, "Le texte de Jack Clark est une prévision et une mise en garde pour les laboratoires et les gouvernements."));
    }
}
