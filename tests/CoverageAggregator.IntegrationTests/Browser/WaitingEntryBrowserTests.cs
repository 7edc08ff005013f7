using CoverageAggregator.Collection;
using CoverageAggregator.IntegrationTests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CoverageAggregator.IntegrationTests.Browser;

/// <summary>A Google News entry not resolved yet, on the coverage page in headless Chromium: listed apart with its link and outlet, not as coverage.</summary>
public class WaitingEntryBrowserTests
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "google-news-waiting");

    [Fact]
    public async Task TheCoveragePageShowsAnEntryWaitingToBeResolvedWithItsGoogleNewsLinkAndOutlet()
    {
        await using var fixtures = await FixtureServer.StartAsync(Corpus);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.Zero));
        await using var host = new TestHost(
            await fixtures.WriteConfigAsync(Corpus),
            new Dictionary<string, string?> { ["Coverage:Fetch:MaxRetries"] = "0", ["Coverage:GoogleNews:MinIntervalMilliseconds"] = "0" },
            time);
        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);
        await using var server = await PageServer.StartAsync(host);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync($"{server.BaseUrl}/api/essays/import-ai-455/coverage"))!.Status);

        var waiting = page.Locator("section:has(#waiting) ul.waiting > li");
        Assert.Equal(1, await waiting.CountAsync());
        Assert.True(await waiting.IsVisibleAsync());
        Assert.Contains("Jack Clark says AI labs are starting to automate their own research", await waiting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("AI Dispatch", await waiting.Locator(".source").InnerTextAsync());
        Assert.Contains("/news.google.com/rss/articles/CBMi", await waiting.Locator("a").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        Assert.Equal("No coverage found yet.", await page.Locator("#related ~ p.empty").InnerTextAsync());
        Assert.Contains("0", await page.Locator(".counts li").First.InnerTextAsync(), StringComparison.Ordinal);
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        Assert.Empty(serious);
    }
}
