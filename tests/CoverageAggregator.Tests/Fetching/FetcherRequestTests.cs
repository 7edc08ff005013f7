using System.Text;
using CoverageAggregator.Fetching;
using CoverageAggregator.Tests.Support;
using static CoverageAggregator.Tests.Sources.SocialTestKit;

namespace CoverageAggregator.Tests.Fetching;

public class FetcherRequestTests
{
    private static readonly Dictionary<string, string> Credentials = new() { ["Authorization"] = "Bearer secret" };

    [Fact]
    public async Task CustomHeadersReachTheRequestedHost()
    {
        await using var api = new RoutedApi().On("/api", new Reply(200, "{}"));

        var result = await Fetcher().FetchAsync(new FetchRequest(new Uri(api.BaseUrl + "/api"), Headers: Credentials), CancellationToken.None);

        Assert.True(result.IsOk);
        Assert.Equal("Bearer secret", Assert.Single(api.Seen).Authorization);
    }

    [Fact]
    public async Task CustomHeadersAreNotForwardedAcrossARedirectToAnotherHost()
    {
        await using var other = new RoutedApi().On("/landing", new Reply(200, "{}"));
        await using var api = new RoutedApi().On("/api", new Reply(302, "", new Dictionary<string, string> { ["Location"] = other.BaseUrl + "/landing" }));

        var result = await Fetcher().FetchAsync(new FetchRequest(new Uri(api.BaseUrl + "/api"), Headers: Credentials), CancellationToken.None);

        Assert.True(result.IsOk);
        Assert.Null(Assert.Single(other.Seen).Authorization);
    }

    [Fact]
    public async Task AUserAgentHeaderReplacesTheDefaultOne()
    {
        await using var api = new RoutedApi().On("/api", new Reply(200, "{}"));
        var headers = new Dictionary<string, string> { ["User-Agent"] = "server:app:1.0 (by /u/someone)" };

        await Fetcher().FetchAsync(new FetchRequest(new Uri(api.BaseUrl + "/api"), Headers: headers), CancellationToken.None);

        Assert.Equal("server:app:1.0 (by /u/someone)", Assert.Single(api.Seen).UserAgent);
    }

    [Fact]
    public async Task ABodyIsPostedWithItsContentType()
    {
        await using var api = new RoutedApi().On("/login", new Reply(200, "{}"));
        var body = new FetchBody(Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json");

        await Fetcher().FetchAsync(new FetchRequest(new Uri(api.BaseUrl + "/login"), Body: body), CancellationToken.None);

        var seen = Assert.Single(api.Seen);
        Assert.Equal(("POST", "{\"a\":1}"), (seen.Method, seen.Body));
    }
}
