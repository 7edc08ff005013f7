using System.Text;
using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Functions.Collection;
using CoverageAggregator.Functions.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace CoverageAggregator.IntegrationTests.Functions;

/// <summary>Each function class is called directly (no Functions host can run here) on Azurite.</summary>
public class FunctionHandlerTests
{
    private const string Config = """
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["https://fuse.example/p/the-long-fuse"],"keywords":["The Long Fuse"],"publishedAt":"2026-01-01T00:00:00Z"}],
         "feeds":[{"name":"Example Feed","url":"http://127.0.0.1:9/feed.xml"}]}
        """;

    [Fact]
    public async Task CoverageJsonAnswersNotFoundForAnUnknownEssay()
    {
        await using var host = await HostWithConfigAsync();
        var (status, _, _) = await ExecuteAsync(await new CoverageJson(host.Get<CoverageEndpoints>()).Run(Request(), "nope", CancellationToken.None));
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task CoverageJsonServesTheStoredItemsInTheExportShape()
    {
        await using var host = await HostWithConfigAsync();
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/a", "A story"), CancellationToken.None);

        var (status, body, headers) = await ExecuteAsync(await new CoverageJson(host.Get<CoverageEndpoints>()).Run(Request(), "essay-1", CancellationToken.None));

        Assert.Equal(200, status);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("essay-1", json.GetProperty("essay").GetProperty("id").GetString());
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal("https://news.example/a", item.GetProperty("url").GetString());
        Assert.Equal("article", item.GetProperty("kind").GetString());
        Assert.True(headers.ContainsKey("ETag"));
    }

    [Fact]
    public async Task CoverageJsonAnswersNotModifiedForTheCurrentETag()
    {
        await using var host = await HostWithConfigAsync();
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/a", "A story"), CancellationToken.None);
        var function = new CoverageJson(host.Get<CoverageEndpoints>());
        var (_, _, headers) = await ExecuteAsync(await function.Run(Request(), "essay-1", CancellationToken.None));

        var (status, body, _) = await ExecuteAsync(await function.Run(Request(headers["ETag"]), "essay-1", CancellationToken.None));

        Assert.Equal(304, status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task CoverageHtmlEncodesHostileTitlesAndDropsJavascriptLinks()
    {
        await using var host = await HostWithConfigAsync();
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/x", "<script>alert(1)</script> roundup"), CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(Item("javascript:alert(1)", "bad link"), CancellationToken.None);

        var (status, body, headers) = await ExecuteAsync(await new CoverageHtml(host.Get<CoverageEndpoints>()).Run(Request(), "essay-1", CancellationToken.None));

        Assert.Equal(200, status);
        Assert.DoesNotContain("<script>alert(", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", headers["Content-Security-Policy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EssayIndexListsEveryTrackedEssay()
    {
        await using var host = await HostWithConfigAsync();
        var (status, body, _) = await ExecuteAsync(await new EssayIndex(host.Get<CoverageEndpoints>()).Run(Request(), CancellationToken.None));
        Assert.Equal(200, status);
        Assert.Contains("The Long Fuse", body, StringComparison.Ordinal);
        Assert.Contains("/api/essays/essay-1/coverage", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSourcesEnqueuesOneMessagePerDueSource()
    {
        await using var host = await HostWithConfigAsync();
        var enqueued = await new ScheduleSources(host.Get<SourceQueue>()).Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Equal(1, enqueued);
        var queue = host.Get<StorageClients>().Queue(SourceQueue.Name);
        var peeked = (await queue.PeekMessagesAsync(10)).Value;
        Assert.Single(peeked);
    }

    [Fact]
    public async Task CollectSourceRecordsTheFailureOfAnUnreachableSourceAndShowsItInSourceHealth()
    {
        await using var host = await HostWithConfigAsync();
        var source = Sources.SourceDescriptor.AllOf(await host.Get<Configuration.ConfigProvider>().GetAsync(CancellationToken.None)).Single();

        var report = await new CollectSource(host.Get<SourceQueue>()).Run(JsonSerializer.Serialize(new { sourceId = source.Id }), CancellationToken.None);

        Assert.NotNull(report);
        Assert.NotNull(report.Error);
        var (status, body, _) = await ExecuteAsync(await new SourceHealth(host.Get<CoverageEndpoints>()).Run(Request(), CancellationToken.None));
        Assert.Equal(200, status);
        var row = JsonDocument.Parse(body).RootElement.GetProperty("sources")[0];
        Assert.Equal(1, row.GetProperty("consecutiveFailures").GetInt32());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("lastError").GetString()));
    }

    [Fact]
    public async Task SourceStatusShowsAFailingSourceAsAnHtmlPage()
    {
        await using var host = await HostWithConfigAsync();
        var source = Sources.SourceDescriptor.AllOf(await host.Get<Configuration.ConfigProvider>().GetAsync(CancellationToken.None)).Single();
        await new CollectSource(host.Get<SourceQueue>()).Run(JsonSerializer.Serialize(new { sourceId = source.Id }), CancellationToken.None);

        var (status, body, headers) = await ExecuteAsync(await new SourceStatus(host.Get<CoverageEndpoints>()).Run(Request(), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.StartsWith("text/html", headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("<td class=\"failing\">failing</td>", body, StringComparison.Ordinal);
    }

    private static async Task<TestHost> HostWithConfigAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Config);
        return new TestHost(path, new Dictionary<string, string?> { ["Coverage:Fetch:TimeoutSeconds"] = "2", ["Coverage:Fetch:MaxRetries"] = "0" });
    }

    private static CoverageItem Item(string url, string title) => new()
    {
        EssayId = "essay-1",
        Url = url,
        Title = title,
        Outlet = "News",
        CitesBy = CitesBy.Link,
        PublishedAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
        FirstSeenAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
    };

    private static HttpRequest Request(string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return context.Request;
    }

    private static async Task<(int Status, string Body, Dictionary<string, string> Headers)> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()), headers);
    }
}
