using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Feeds;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Collection;

public class WaitingEntriesTests
{
    private static readonly EssayProfile ImportAi = new(new EssayConfig
    {
        Id = "import-ai-455", Title = "Import AI 455: Automating AI Research", Author = "Jack Clark", Publication = "Import AI",
        Urls = ["https://importai.substack.com/p/import-ai-455-automating-ai-research"],
    }, [], null);

    private static readonly EssayProfile LongFuse = new(new EssayConfig
    {
        Id = "long-fuse", Title = "The Long Fuse", Author = "Ada Writer", Publication = "Fuse Notes", Urls = ["https://fuse.example/p/the-long-fuse"],
    }, [], null);

    private static readonly FeedEntry Entry = new()
    {
        Id = "g1", Title = "Jack Clark says AI labs are starting to automate their own research - AI Dispatch",
        Link = "https://news.google.com/rss/articles/CBMif0FVX3lxTE5vNHRZblJwZHNZZEZfZ285LUdncWl0YUk0UHVfTDM1b05YSU9rVHRhYUpkQ1VwV1RJaXZ4SzZwV2dBd2ZYeEZtbUpGNkpDdng5WjRTa28yOVdIM3drTERSVVVoeWI0WnpWT3dQbGVQcVhvdEZIZE1oaTB4cHdRb0E?oc=5",
        SummaryHtml = "<a href=\"https://news.google.com/rss/articles/x\">Jack Clark says AI labs are starting to automate their own research</a>&nbsp;&nbsp;<font color=\"#6f6f6f\">AI Dispatch</font>",
        SourceName = "AI Dispatch",
    };

    [Fact]
    public void AWaitingEntryIsListedForTheEssayItsTitleOrSummaryMayConcern()
    {
        Assert.Equal(["import-ai-455"], WaitingEntries.EssaysOf(Entry, [ImportAi, LongFuse]));
        Assert.Equal(["long-fuse"], WaitingEntries.EssaysOf(Entry with { Title = "Ada Writer on the long fuse - AI Dispatch", SummaryHtml = null }, [ImportAi, LongFuse]));
        Assert.Empty(WaitingEntries.EssaysOf(Entry with { Title = "Quarterly results - AI Dispatch", SummaryHtml = null }, [ImportAi, LongFuse]));
    }

    [Fact]
    public void WithOneEssayTrackedEveryWaitingEntryIsListedForIt() =>
        Assert.Equal(["long-fuse"], WaitingEntries.EssaysOf(Entry, [LongFuse]));

    [Fact]
    public void AnEntryPendingForAnotherReasonThanItsGoogleNewsLinkIsNotListed() =>
        Assert.Empty(WaitingEntries.EssaysOf(Entry with { Link = "https://ai-dispatch.example/2026/05/05/clark-automated-research/" }, [ImportAi]));
}
