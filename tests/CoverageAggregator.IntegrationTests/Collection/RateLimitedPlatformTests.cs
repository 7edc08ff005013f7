using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace CoverageAggregator.IntegrationTests.Collection;

/// <summary>A social platform that answers 429 in one round is collected in the next: the wait is kept in the source's state and nothing is lost.</summary>
public class RateLimitedPlatformTests
{
    /// <summary>The Algolia HN Search answers recorded for the unit tests (tests/CoverageAggregator.Tests/TestData/Social, SOURCES-x-hackernews.md).</summary>
    private static IResult Recorded(HttpContext context)
    {
        var query = context.Request.QueryString.Value ?? "";
        var file = query.Contains("&page=1", StringComparison.Ordinal) ? "hn-stories-page1.json"
            : query.Contains("restrictSearchableAttributes=url", StringComparison.Ordinal) ? "hn-stories-page0.json"
            : "hn-comments.json";
        return Results.Text(File.ReadAllText(Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.Tests", "TestData", "Social", file)), "application/json");
    }

    [Fact]
    public async Task APlatformThatAnswers429InOneRoundIsCollectedInTheNextAndItsStateShowsTheWait()
    {
        await using var site = await ScriptedSite.StartAsync();
        var limited = true;
        IResult Answer(HttpContext context)
        {
            if (!limited)
            {
                return Recorded(context);
            }

            context.Response.Headers.RetryAfter = "60";
            return Results.StatusCode(429);
        }

        site.On("/api/v1/search", Answer).On("/api/v1/search_by_date", Answer);
        var config = await TestConfigs.WriteAsync($$"""
            {"essays":[{"id":"tide-clock","title":"The Tide Clock","author":"Ana Reyes","publication":"Harbor Letters",
              "urls":["https://harborletters.example/p/the-tide-clock","https://anareyes.example/2026/03/the-tide-clock/"],
              "keywords":["The Tide Clock"],"publishedAt":"2026-03-02T09:00:00Z"}],
             "feeds":[], "social":[{"type":"{{SourceKinds.HackerNews}}","baseUrl":"{{site.BaseUrl}}"}]}
            """);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(config, new Dictionary<string, string?> { ["Coverage:Fetch:MaxRetries"] = "0" }, time);
        var cycle = host.Get<CollectionCycle>();

        await cycle.RunAsync(null, CancellationToken.None);
        var afterFirst = await host.Get<CoverageStore>().ListAsync("tide-clock", CancellationToken.None);
        var state = Assert.Single(await host.Get<SourceStateStore>().ListAsync(CancellationToken.None));
        limited = false;
        time.Advance(TimeSpan.FromMinutes(2));
        await cycle.RunAsync(null, CancellationToken.None);
        var afterSecond = await host.Get<CoverageStore>().ListAsync("tide-clock", CancellationToken.None);

        Assert.Empty(afterFirst);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(60), state.RetryNotBefore);
        Assert.Contains("429", state.LastError, StringComparison.Ordinal);
        Assert.Equal(
            ["https://news.ycombinator.com/item?id=41000001", "https://news.ycombinator.com/item?id=41000003"],
            afterSecond.Select(i => i.Url).Order(StringComparer.Ordinal));
        var settled = Assert.Single(await host.Get<SourceStateStore>().ListAsync(CancellationToken.None));
        Assert.Equal(0, settled.ConsecutiveFailures);
        Assert.False(settled.RetryNotBefore > time.GetUtcNow());
    }
}
