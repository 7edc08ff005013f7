using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoverageAggregator.IntegrationTests.Browser;

/// <summary>The coverage page in headless Chromium, on the development corpus: sections, filters, accessibility, hostile strings.</summary>
public class CoveragePageBrowserTests(PageFixture fixture) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task ThePageRendersEverySectionFromTheCorpusAndIsKeptAsAScreenshot()
    {
        var page = await OpenAsync(fixture.PageUrl);

        Assert.Equal("The Compute Cliff", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Mara Okafor", await page.Locator(".byline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator(".counts li").CountAsync());
        Assert.Equal(1, await page.Locator("svg[role=img] title#tl-title").CountAsync());
        Assert.True(await page.Locator("svg rect").CountAsync() > 1);
        Assert.True(await page.Locator("#related ~ article.outlet").CountAsync() >= 5, "related coverage lists the outlets");
        Assert.True(await page.Locator("#related ~ article.outlet blockquote.pull").CountAsync() >= 3, "pull quotes are shown");
        Assert.Superset(
            new HashSet<string> { "Bluesky", "Hacker News", "Mastodon", "Reddit" },
            (await page.Locator(".platform h3").AllTextContentsAsync()).Select(t => t.Split(" (")[0]).ToHashSet());
        Assert.Contains("340 likes", await page.Locator(".platform").AllInnerTextsAsync() is var texts ? string.Join("\n", texts) : "", StringComparison.Ordinal);
        Assert.True(await page.Locator(".passages li").CountAsync() >= 3, "most-quoted passages are listed");
        Assert.Contains("This article gets the grid part right.", await page.Locator("article.outlet .threads").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("grid part right", string.Join("\n", await page.Locator(".platform").AllInnerTextsAsync()), StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ArtifactsFolder, "coverage-page.png"), FullPage = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ArtifactsFolder, "coverage-page-top.png") });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ArtifactsFolder, "coverage-page-phone-top.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageFixture.ArtifactsFolder, "coverage-page-phone.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(PageFixture.ArtifactsFolder, "coverage-page.png")));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal scrolling on a phone");
    }

    [Fact]
    public async Task AReplyIsShownUnderThePostItAnswersWithItsEngagementPerKind()
    {
        var page = await OpenAsync(fixture.PageUrl);

        var parent = page.Locator(".posts > li.post").Filter(new LocatorFilterOptions { HasText = "Grid Watcher" });
        var reply = parent.Locator("ul.replies > li").Filter(new LocatorFilterOptions { HasText = "Tide Replier" });
        Assert.Equal(1, await reply.CountAsync());
        Assert.Contains("3 likes · 1 repost · 2 replies", await reply.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(PageFixture.ReplyUrl, await reply.Locator("a").First.GetAttributeAsync("href"));
        Assert.Equal(0, await page.Locator(".posts > li.post").Filter(new LocatorFilterOptions { HasText = "Replying with the grid numbers" }).Filter(new LocatorFilterOptions { HasNotText = "Grid Watcher" }).CountAsync());
        Assert.Matches(@"Bluesky \(\d+\) · [\d,]+ likes", await page.Locator(".platform h3").Filter(new LocatorFilterOptions { HasText = "Bluesky" }).TextContentAsync());
    }

    [Fact]
    public async Task TheKindFilterFormNarrowsThePageThroughTheQueryString()
    {
        var page = await OpenAsync(fixture.PageUrl);

        await page.SelectOptionAsync("#f-kind", "discussion");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**kind=discussion**");

        Assert.Equal(0, await page.Locator("article.outlet").CountAsync());
        Assert.Equal(["Hacker News", "Reddit"], (await page.Locator(".platform h3").AllTextContentsAsync()).Select(t => t.Split(" (")[0]).Order().ToArray());
        Assert.Equal("discussion", await page.Locator("#f-kind").InputValueAsync());
        Assert.Matches(@"Showing \d+ of", await page.Locator(".filtered").InnerTextAsync());
    }

    [Fact]
    public async Task OutletDateRangeAndLanguageFiltersCombine()
    {
        var page = await OpenAsync(fixture.PageUrl);

        await page.SelectOptionAsync("#f-outlet", "Bluesky");
        await page.FillAsync("#f-from", "2026-10-15");
        await page.FillAsync("#f-to", "2026-10-15");
        await page.SelectOptionAsync("#f-lang", "en");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**outlet=Bluesky**");

        Assert.True(await page.Locator(".platform li.post").CountAsync() >= 2, "the Bluesky posts of that day are shown");
        Assert.Equal(["Bluesky"], (await page.Locator(".platform h3").AllTextContentsAsync()).Select(t => t.Split(" (")[0]).Distinct().ToArray());
        Assert.Equal(0, await page.Locator("article.outlet").CountAsync());
        Assert.Contains("from=2026-10-15", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASinceDateMarksLaterItemsAsNew()
    {
        var page = await OpenAsync(fixture.PageUrl + "?since=2026-10-17");

        Assert.Contains("since", await page.Locator(".since").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".item .new, .post .new").CountAsync() >= 2);
    }

    [Fact]
    public async Task AnAxeScanFindsNoSeriousOrCriticalViolation()
    {
        foreach (var url in new[] { fixture.PageUrl, fixture.PageUrl + "?kind=post", fixture.BaseUrl + "/api/essays" })
        {
            var page = await OpenAsync(url);
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, url + ": " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        }
    }

    [Fact]
    public async Task NoHostileStringRunsOrInjectsAnElement()
    {
        var dialogs = new List<string>();
        var page = await fixture.Browser.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var errors = new List<string>();
        page.Console += (_, message) => errors.Add(message.Text);

        foreach (var url in new[] { fixture.PageUrl, fixture.PageUrl + "?outlet=" + Uri.EscapeDataString(PageFixture.Hostile[0]), fixture.BaseUrl + "/api/essays" })
        {
            await page.GotoAsync(url);
            Assert.Equal(0, await page.Locator("script, iframe, img, object, embed").CountAsync());
            Assert.Equal(0, await page.Locator("svg[onload], [onerror], [onload], a[href^='javascript:' i]").CountAsync());
        }

        await page.GotoAsync(fixture.PageUrl);
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var hostile in PageFixture.Hostile)
        {
            Assert.Contains(hostile.Trim(), text, StringComparison.Ordinal);
        }

        Assert.Empty(dialogs);
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheIndexListsTheTrackedEssayAndLinksToItsPage()
    {
        var page = await OpenAsync(fixture.BaseUrl + "/api/essays");

        await page.ClickAsync("text=The Compute Cliff");
        await page.WaitForURLAsync("**/coverage");

        Assert.Equal(fixture.PageUrl, page.Url);
    }

    private async Task<IPage> OpenAsync(string url)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        return page;
    }
}
