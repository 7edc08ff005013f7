using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Matching;

/// <summary>
/// The essay of the multilingual citation fixtures: Jack Clark, "Import AI 455: AI systems are about to start building
/// themselves." (Import AI, 4 May 2026). Its sentences below are the essay's opening paragraphs as reproduced on
/// https://www.timeahead.in/post/import-ai-455-ai-systems-are-about-to-start-building-themselves-9d0d8e3d (a short excerpt).
/// The translated titles stand for what an essay page may offer in its metadata (hreflang alternates, JSON-LD
/// alternativeHeadline); the real page offers none, so these two are made up for the test.
/// </summary>
internal static class ImportAi455
{
    public const string NoHumanInvolved =
        "I’m writing this post because when I look at all the publicly available information I reluctantly come to the view that there’s a likely chance (60%+) that no-human-involved AI R&D - an AI system powerful enough that it could plausibly autonomously build its own successor - happens by the end of 2028.";

    public const string BigDeal = "This is a big deal.";

    public const string WrapMyHead = "I don’t know how to wrap my head around it.";

    public const string Reluctant =
        "It’s a reluctant view because the implications are so large that I feel dwarfed by them, and I’m not sure society is ready for the kinds of changes implied by achieving automated AI R&D.";

    public const string EndToEnd = "I now believe we are living in the time that AI research will be end-to-end automated.";

    public const string Rubicon = "If that happens, we will cross a Rubicon into a nearly-impossible-to-forecast future.";

    public const string Purpose = "The purpose of this essay is to enumerate why I think the takeoff towards fully automated AI R&D is happening.";

    public const string Title = "AI systems are about to start building themselves.";

    public const string ChineseTitle = "AI系统即将开始自我构建";

    public const string JapaneseTitle = "AIシステムは自らを作り始めようとしている";

    public static readonly DateTimeOffset Published = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    public static readonly EssayConfig Config = new()
    {
        Id = "import-ai-455",
        Title = "Import AI 455: AI systems are about to start building themselves",
        Author = "Jack Clark",
        Publication = "Import AI",
        Urls = ["https://importai.substack.com/p/import-ai-455-ai-systems-are-about"],
        Keywords = ["Import AI 455", "recursive self-improvement", "递归自我改进"],
        PublishedAt = Published,
    };

    /// <summary>The essay as the collector knows it after fetching its page: text (title first, as the page starts) and the titles its metadata offers.</summary>
    public static readonly EssayProfile Essay = new(
        Config,
        [],
        string.Join("\n", Title, "The first step towards recursive self improvement", NoHumanInvolved + " " + BigDeal + " " + WrapMyHead + " " + Reluctant + " " + EndToEnd + " " + Rubicon, Purpose),
        ["Import AI 455: AI systems are about to start building themselves.", ChineseTitle, JapaneseTitle]);

    public static CandidateText Text(string text, DateTimeOffset? at = null, params string[] links) =>
        new(null, text, links, [], at ?? Published.AddDays(3));
}
