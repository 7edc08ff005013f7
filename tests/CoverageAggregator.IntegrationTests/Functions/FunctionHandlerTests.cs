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
    [Fact]
    public async Task CoverageJsonAnswersNotFoundForAnUnknownEssay()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var (status, _, _) = await FunctionCalls.ExecuteAsync(await new CoverageJson(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), "nope", CancellationToken.None));
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task CoverageJsonServesTheStoredItemsInTheExportShape()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "A story"), CancellationToken.None);

        var (status, body, headers) = await FunctionCalls.ExecuteAsync(await new CoverageJson(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));

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
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "A story"), CancellationToken.None);
        var function = new CoverageJson(host.Get<CoverageEndpoints>());
        var (_, _, headers) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));

        var (status, body, _) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(headers["ETag"]), "essay-1", CancellationToken.None));

        Assert.Equal(304, status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task CoverageHtmlEncodesHostileTitlesAndDropsJavascriptLinks()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/x", "<script>alert(1)</script> roundup"), CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("javascript:alert(1)", "bad link"), CancellationToken.None);

        var (status, body, headers) = await FunctionCalls.ExecuteAsync(await new CoverageHtml(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));

        Assert.Equal(200, status);
        Assert.DoesNotContain("<script>alert(", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", headers["Content-Security-Policy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EssayIndexListsEveryTrackedEssay()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var (status, body, _) = await FunctionCalls.ExecuteAsync(await new EssayIndex(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), CancellationToken.None));
        Assert.Equal(200, status);
        Assert.Contains("The Long Fuse", body, StringComparison.Ordinal);
        Assert.Contains("/api/essays/essay-1/coverage", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSourcesEnqueuesOneMessagePerDueSource()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var enqueued = await new ScheduleSources(host.Get<SourceQueue>()).Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Equal(1, enqueued);
        var queue = host.Get<StorageClients>().Queue(SourceQueue.Name);
        var peeked = (await queue.PeekMessagesAsync(10)).Value;
        Assert.Single(peeked);
    }

    [Fact]
    public async Task CollectSourceRecordsTheFailureOfAnUnreachableSourceAndShowsItInSourceHealth()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var source = Sources.SourceDescriptor.AllOf(await host.Get<Configuration.ConfigProvider>().GetAsync(CancellationToken.None)).Single();

        var report = await new CollectSource(host.Get<SourceQueue>()).Run(JsonSerializer.Serialize(new { sourceId = source.Id }), CancellationToken.None);

        Assert.NotNull(report);
        Assert.NotNull(report.Error);
        var (status, body, _) = await FunctionCalls.ExecuteAsync(await new SourceHealth(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), CancellationToken.None));
        Assert.Equal(200, status);
        var row = JsonDocument.Parse(body).RootElement.GetProperty("sources")[0];
        Assert.Equal(1, row.GetProperty("consecutiveFailures").GetInt32());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("lastError").GetString()));
    }

    [Fact]
    public async Task SourceStatusShowsAFailingSourceAsAnHtmlPage()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var source = Sources.SourceDescriptor.AllOf(await host.Get<Configuration.ConfigProvider>().GetAsync(CancellationToken.None)).Single();
        await new CollectSource(host.Get<SourceQueue>()).Run(JsonSerializer.Serialize(new { sourceId = source.Id }), CancellationToken.None);

        var (status, body, headers) = await FunctionCalls.ExecuteAsync(await new SourceStatus(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.StartsWith("text/html", headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("<td class=\"failing\">failing</td>", body, StringComparison.Ordinal);
    }
}
