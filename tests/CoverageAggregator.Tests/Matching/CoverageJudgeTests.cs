using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Matching;

public class CoverageJudgeTests
{
    private static ResolvedCandidate Resolved(string url, string title, string text, IReadOnlyList<string> links, bool deep, string? foundAt = null)
    {
        var candidateText = new CandidateText(title, text, links, [], CliffEssay.After, url);
        return new ResolvedCandidate
        {
            Found = new Candidate { Url = foundAt ?? url, Title = title, Text = text, Links = links, PublishedAt = CliffEssay.After },
            Url = url,
            Text = candidateText,
            Words = SplitText.Of(candidateText),
            Deep = deep,
        };
    }

    [Fact]
    public async Task TheEssayOrAMirrorCanonicalToItIsNeverCoverageOfIt()
    {
        var judge = new CoverageJudge(CliffEssay.Pages(new StubHandler()));

        var verdict = Assert.Single(await judge.JudgeAsync(
            Resolved(CliffEssay.Url, "The Compute Cliff", "The essay.", [], deep: true, foundAt: CliffEssay.Mirror), [CliffEssay.Profile()], CancellationToken.None));

        Assert.True(verdict.IsTheEssay);
        Assert.Null(verdict.Citation);
    }

    [Fact]
    public async Task AShortLinkLandingOnTheEssayIsALinkWhenThePageWasRead()
    {
        var handler = new StubHandler().Redirect("https://bit.ly/cliff", CliffEssay.Url).Add(CliffEssay.Url, CliffEssay.Page("The Compute Cliff", "<p>The essay.</p>"));
        var judge = new CoverageJudge(CliffEssay.Pages(handler));

        var verdict = Assert.Single(await judge.JudgeAsync(
            Resolved("https://outlet.example/grid", "Grid limits", "Mara Okafor's The Compute Cliff says the grid is the limit.", ["https://bit.ly/cliff"], deep: true),
            [CliffEssay.Profile()], CancellationToken.None));

        Assert.Equal(CitesBy.Link, verdict.Citation?.By);
    }

    [Fact]
    public async Task WithoutThePageReadNoLinkIsFollowed()
    {
        var handler = new StubHandler().Redirect("https://bit.ly/cliff", CliffEssay.Url);
        var judge = new CoverageJudge(CliffEssay.Pages(handler));

        var verdict = Assert.Single(await judge.JudgeAsync(
            Resolved("https://outlet.example/grid", "Grid limits", "Mara Okafor's The Compute Cliff says the grid is the limit.", ["https://bit.ly/cliff"], deep: false),
            [CliffEssay.Profile()], CancellationToken.None));

        Assert.Equal(CitesBy.Mention, verdict.Citation?.By);
        Assert.Empty(handler.Requested);
    }

    [Fact]
    public async Task EachEssayGetsItsOwnVerdict()
    {
        var other = CliffEssay.Profile("tide", "The Tide Clock", "A harbour that cannot read its own tides will always be surprised by the sea.", "https://frontiernotes.example/p/the-tide-clock");
        var judge = new CoverageJudge(CliffEssay.Pages(new StubHandler()));

        var verdicts = await judge.JudgeAsync(
            Resolved("https://outlet.example/grid", "Grid limits", "As the essay says: \"" + CliffEssay.Quote + "\"", [CliffEssay.Url], deep: false),
            [CliffEssay.Profile(), other], CancellationToken.None);

        Assert.Equal(CitesBy.Link, verdicts.Single(v => v.Essay.Essay.Id == "cliff").Citation?.By);
        Assert.Null(verdicts.Single(v => v.Essay.Essay.Id == "tide").Citation);
    }
}
