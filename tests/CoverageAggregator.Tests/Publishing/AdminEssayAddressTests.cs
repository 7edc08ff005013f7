using System.Globalization;
using System.Text;
using CoverageAggregator.Hosting;
using CoverageAggregator.Publishing;
using CoverageAggregator.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>
/// The admin key does not open the SSRF guard: an essay whose page leads to a loopback, private or metadata address
/// (directly, by a DNS name, or behind a redirect from an allowed host) is refused, and nothing is sent there.
/// </summary>
public class AdminEssayAddressTests
{
    [Fact]
    public async Task AnEssayAtALoopbackAddressIsRefusedAndNothingIsFetched()
    {
        await using var target = Target();
        using var services = Services();

        var reply = await AddAsync(services, target.BaseUrl + "/essay");

        Assert.Equal(400, reply.Status);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task AnEssayAtADnsNameOfLoopbackIsRefusedAndNothingIsFetched()
    {
        await using var target = Target();
        using var services = Services();

        var reply = await AddAsync(services, $"http://localhost:{new Uri(target.BaseUrl).Port}/essay");

        Assert.Equal(400, reply.Status);
        Assert.Empty(target.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/essay")]
    [InlineData("http://192.168.1.1/essay")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    public async Task AnEssayAtAPrivateOrMetadataAddressIsRefused(string url)
    {
        using var services = Services();

        var reply = await AddAsync(services, url);

        Assert.Equal(400, reply.Status);
        Assert.Contains("may not fetch", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/essay")]
    [InlineData("http://localhost:{port}/essay")]
    public async Task AnEssayBehindARedirectToLoopbackIsRefusedAndNothingIsFetched(string location)
    {
        await using var target = Target();
        var port = new Uri(target.BaseUrl).Port.ToString(CultureInfo.InvariantCulture);
        await using var front = new LoopbackServer(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = location.Replace("{port}", port, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
        using var services = Services(allowed: new Uri(front.BaseUrl).Authority); // the redirecting host passes, as a public one would

        var reply = await AddAsync(services, front.BaseUrl + "/essay");

        Assert.Equal(400, reply.Status);
        Assert.Single(front.Requests);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task AnEssayWithANonHttpFetchUrlIsRefused()
    {
        using var services = Services();

        var reply = await AddAsync(services, "file:///etc/passwd");

        Assert.Equal(400, reply.Status);
    }

    private static LoopbackServer Target() => new(async context =>
    {
        var body = Encoding.UTF8.GetBytes("<html><title>secret</title></html>");
        context.Response.ContentType = "text/html";
        await context.Response.OutputStream.WriteAsync(body);
    });

    private static ServiceProvider Services(string? allowed = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Coverage:StoragePrefix"] = "admintests",
            ["Coverage:Fetch:TimeoutSeconds"] = "2",
            ["Coverage:Fetch:MaxRetries"] = "0",
        };
        if (allowed is not null)
        {
            settings["Coverage:Fetch:AllowedPrivateHosts:0"] = allowed;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCoverageAggregator(configuration).BuildServiceProvider();
    }

    private static async Task<HttpReply> AddAsync(ServiceProvider services, string fetchUrl)
    {
        var essay = $$"""
            {"id":"essay-x","title":"The Long Fuse","urls":["https://fuse.example/p/the-long-fuse"],"fetchUrl":{{System.Text.Json.JsonSerializer.Serialize(fetchUrl)}}}
            """;
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(essay));
        return await services.GetRequiredService<AdminEndpoints>().AddEssayAsync(body, CancellationToken.None);
    }
}
