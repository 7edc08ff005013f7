using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Storage;
using Microsoft.Playwright;

namespace CoverageAggregator.IntegrationTests.Browser;

/// <summary>
/// The development corpus collected (two rounds) through the fixture server, plus social items with hostile strings,
/// served on loopback, and headless Debian Chromium driven by Playwright. Shared by the read-only browser tests.
/// </summary>
public sealed class PageFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string EssayId = "compute-cliff";

    /// <summary>A Bluesky reply to the first Bluesky post: shown under it, with its engagement per kind.</summary>
    public const string ReplyUrl = "https://bsky.app/profile/reply.example/post/7";

    /// <summary>Strings that would run or inject markup if any text reached the page unencoded.</summary>
    public static readonly string[] Hostile =
    [
        "<script>alert('title')</script>",
        "<img src=x onerror=alert('author')>",
        "\"><svg onload=alert('excerpt')>",
        "</blockquote><iframe src=javascript:alert('quote')></iframe>",
    ];

    private FixtureServer? _fixtures;
    private TestHost? _host;
    private PageServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => _server!.BaseUrl;
    public string PageUrl => $"{BaseUrl}/api/essays/{EssayId}/coverage";

    public static string ArtifactsFolder { get; } = Path.Combine(Paths.RepoRoot, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        _fixtures = await FixtureServer.StartAsync(Paths.Corpus);
        _host = new TestHost(await _fixtures.WriteConfigAsync(Paths.Corpus));
        var cycle = _host.Get<CollectionCycle>();
        await cycle.RunAsync(null, CancellationToken.None);
        await _fixtures.SetRoundAsync(2);
        await cycle.RunAsync(null, CancellationToken.None);
        await AddSocialItemsAsync(_host);

        _server = await PageServer.StartAsync(_host);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_fixtures is not null)
        {
            await _fixtures.DisposeAsync();
        }
    }

    /// <summary>Posts and discussions as the social collectors store them (kind post/discussion, outlet = platform), hostile ones included.</summary>
    private static async Task AddSocialItemsAsync(TestHost host)
    {
        var store = host.Get<CoverageStore>();
        var changed = new List<CoverageItem>();
        var day = new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero);
        CoverageItem[] items =
        [
            Social("https://bsky.app/profile/grid.example/post/1", CoverageKinds.Post, "Bluesky", "Grid Watcher", null, "The compute cliff is real: read this.", 128, day),
            Social("https://bsky.app/profile/x.example/post/2", CoverageKinds.Post, "Bluesky", Hostile[1], null, Hostile[2], 5, day.AddHours(5)),
            Social("https://mastodon.example/@watts/3", CoverageKinds.Post, "Mastodon", "Watts Up", null, "Power limits by 2030? Worth a read.", 17, day.AddDays(1)),
            Social("https://reddit.example/r/energy/comments/4", CoverageKinds.Discussion, "Reddit", "u/gridnerd", Hostile[0], "Discussion of the essay", 340, day.AddDays(1)),
            Social("https://news.ycombinator.example/item?id=5", CoverageKinds.Discussion, "Hacker News", "hnuser", "The Compute Cliff", "Long thread.", 212, day.AddDays(2)),
            Social("javascript:alert('href')", CoverageKinds.Post, "Bluesky", "Sneaky", "javascript link", Hostile[3], 1, day.AddDays(2)),
        ];
        var story = (await store.ListAsync(EssayId, CancellationToken.None)).First(i => i.Kind == CoverageKinds.Article);
        items = [.. items, Social("https://news.ycombinator.example/item?id=6", CoverageKinds.Post, "Hacker News", "commenter", null, "This article gets the grid part right.", 9, day.AddDays(1)) with { About = story.Url }];
        items = [.. items, Social(ReplyUrl, CoverageKinds.Post, "Bluesky", "Tide Replier", null, "Replying with the grid numbers for my county.", 3, day.AddHours(8)) with
        {
            Parent = "https://bsky.app/profile/grid.example/post/1",
            Engagement = new Engagement(Likes: 3, Reposts: 1, Replies: 2),
        }];
        foreach (var item in items)
        {
            await store.UpsertAsync(item, CancellationToken.None);
            changed.Add(item);
        }

        var snapshots = host.Get<CoverageAggregator.Publishing.CoverageSnapshots>();
        await snapshots.CoverageChangedAsync(new CoverageChange([EssayId], changed), CancellationToken.None);
        await snapshots.FlushAsync(CancellationToken.None);
    }

    private static CoverageItem Social(string url, string kind, string platform, string author, string? title, string excerpt, int engagement, DateTimeOffset at) => new()
    {
        EssayId = EssayId,
        Url = url,
        Kind = kind,
        Outlet = platform,
        Author = author,
        Title = title,
        Excerpt = excerpt,
        Engagement = new Engagement(Likes: engagement),
        Language = "en",
        CitesBy = CitesBy.Link,
        Quotes = kind == CoverageKinds.Post && author == "Sneaky" ? [Hostile[3]] : [],
        PublishedAt = at,
        FirstSeenAt = at,
        UpdatedAt = at,
    };
}
