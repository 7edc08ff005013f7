using System.Net;
using System.Text;
using CoverageAggregator.Configuration;
using CoverageAggregator.Configuration.Checks;
using CoverageAggregator.Resolving;
using CoverageAggregator.Storage;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CoverageAggregator.Tests.Configuration;

/// <summary>`coverage doctor` on a setup with a dead feed, a missing and a refused credential, and unreachable storage.</summary>
public class SetupDoctorTests
{
    /// <summary>A fetch's time limit: generous, so that a loaded machine never turns a loopback answer into a timeout.</summary>
    private const int Patience = 30;

    /// <summary>Azurite's published development account, at a port where nothing listens.</summary>
    private const string UnreachableStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private static readonly string Essay = "<html><head><title>The Quiet Harbour</title></head><body><article><h1>The Quiet Harbour</h1>"
        + string.Concat(Enumerable.Range(1, 12).Select(i => $"<p>Paragraph {i} of the essay says something about harbours, tides, boats and the people who keep them working through every season of the year.</p>"))
        + "</article></body></html>";

    private const string Feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet</title><item><title>A story</title><link>https://outlet.example/a</link></item></channel></rss>";

    private static async Task Answer(HttpListenerContext context)
    {
        var (status, body, type) = context.Request.Url!.AbsolutePath switch
        {
            "/essay" => (200, Essay, "text/html"),
            "/feed" => (200, Feed, "application/rss+xml"),
            "/hn/api/v1/search" => (200, "{\"hits\":[],\"nbHits\":0}", "application/json"),
            "/mastodon/api/v1/accounts/verify_credentials" => (401, "{\"error\":\"The access token is invalid\"}", "application/json"),
            _ => (404, "not found", "text/plain"),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
    }

    private static async Task<IReadOnlyList<CheckLine>> CheckAsync(LoopbackServer server)
    {
        var config = new CoverageConfig
        {
            Essays = [new EssayConfig { Id = "harbour", Title = "The Quiet Harbour", Urls = ["https://harbour.example/p/quiet"], FetchUrl = server.BaseUrl + "/essay" }],
            Feeds = [new FeedConfig { Name = "Alive", Url = server.BaseUrl + "/feed" }, new FeedConfig { Name = "Dead", Url = server.BaseUrl + "/gone/feed" }],
            Social =
            [
                new SocialConfig { Type = "x", BaseUrl = server.BaseUrl + "/x" },
                new SocialConfig { Type = "hackernews", BaseUrl = server.BaseUrl + "/hn" },
                new SocialConfig { Type = "mastodon", BaseUrl = server.BaseUrl + "/mastodon", BearerToken = "expired-token" },
            ],
        };
        using var fetcher = FetcherHost.Allowing(server, timeoutSeconds: Patience);
        var storage = new StorageClients(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = UnreachableStorage }).Build(), new CoverageOptions());
        var doctor = new SetupDoctor(fetcher.Fetcher, new PageResolver(fetcher.Fetcher), storage, TimeProvider.System) { StorageTimeout = TimeSpan.FromSeconds(1) };
        return await doctor.CheckAsync(config, CancellationToken.None);
    }

    [Fact]
    public async Task EachCheckIsOneLineWithWhatToDo()
    {
        await using var server = new LoopbackServer(Answer);

        var lines = await CheckAsync(server);

        Assert.Equal(["storage", "essay \"harbour\"", "feed \"Alive\"", "feed \"Dead\"", "X (" + server.BaseUrl + "/x)", "Hacker News (" + server.BaseUrl + "/hn)", "Mastodon (" + server.BaseUrl + "/mastodon)"],
            lines.Select(l => l.Subject));
        Assert.All(lines.Where(l => l.IsProblem), l => Assert.False(string.IsNullOrWhiteSpace(l.Fix)));
    }

    [Fact]
    public async Task ADeadFeedFailsAndTheLiveOnePasses()
    {
        await using var server = new LoopbackServer(Answer);

        var lines = await CheckAsync(server);

        Assert.Equal(CheckStatus.Ok, lines.Single(l => l.Subject == "feed \"Alive\"").Status);
        var dead = lines.Single(l => l.Subject == "feed \"Dead\"");
        Assert.Equal(CheckStatus.Failed, dead.Status);
        Assert.Contains("404", dead.Detail, StringComparison.Ordinal);
        Assert.Contains("gone", dead.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCredentialNamesTheSettingToSet()
    {
        await using var server = new LoopbackServer(Answer);

        var x = (await CheckAsync(server)).Single(l => l.Subject.StartsWith("X ", StringComparison.Ordinal));

        Assert.Equal(CheckStatus.Missing, x.Status);
        Assert.Contains("Coverage__Credentials__XBearerToken", x.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.StartsWith("/x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedCredentialFailsAndOneNeedingNoneAnswers()
    {
        await using var server = new LoopbackServer(Answer);

        var lines = await CheckAsync(server);

        var mastodon = lines.Single(l => l.Subject.StartsWith("Mastodon", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Failed, mastodon.Status);
        Assert.Contains("refused", mastodon.Detail, StringComparison.Ordinal);
        Assert.Contains("Coverage__Credentials__MastodonAccessToken", mastodon.Fix, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Ok, lines.Single(l => l.Subject.StartsWith("Hacker News", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task TheEssayPageGivesItsTextAndUnreachableStorageIsAFailedLine()
    {
        await using var server = new LoopbackServer(Answer);

        var lines = await CheckAsync(server);

        Assert.Equal(CheckStatus.Ok, lines.Single(l => l.Subject == "essay \"harbour\"").Status);
        var storage = lines.Single(l => l.Subject == "storage");
        Assert.Equal(CheckStatus.Failed, storage.Status);
        Assert.Contains("Azurite", storage.Fix, StringComparison.Ordinal);
    }
}
