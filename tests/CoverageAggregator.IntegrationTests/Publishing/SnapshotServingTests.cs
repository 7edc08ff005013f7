using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Functions.Admin;
using CoverageAggregator.Functions.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using CoverageAggregator.Publishing;
using CoverageAggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace CoverageAggregator.IntegrationTests.Publishing;

public class SnapshotServingTests
{
    private const string Config = """
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["https://fuse.example/p/the-long-fuse"],"keywords":["The Long Fuse"],"publishedAt":"2026-01-01T00:00:00Z"}],
         "feeds":[{"name":"Example Feed","url":"http://127.0.0.1:9/feed.xml"}]}
        """;

    [Fact]
    public async Task ASourceRunThatStoresCoverageRebuildsTheStoredSnapshot()
    {
        await using var server = await FixtureServer.StartAsync(Paths.Corpus);
        await using var host = new TestHost(await server.WriteConfigAsync(Paths.Corpus));
        var cycle = host.Get<CollectionCycle>();

        await cycle.RunAsync(null, CancellationToken.None);
        var first = await host.Get<SnapshotStore>().FindAsync("compute-cliff", CancellationToken.None);
        await server.SetRoundAsync(2);
        await cycle.RunAsync(null, CancellationToken.None);
        var second = await host.Get<SnapshotStore>().FindAsync("compute-cliff", CancellationToken.None);
        var items = await host.Get<CoverageStore>().ListAsync("compute-cliff", CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(items.Count, second.Export.Items.Count);
        Assert.True(second.Export.Items.Count > first.Export.Items.Count);
    }

    [Fact]
    public async Task RequestsAreServedFromTheStoredSnapshotNotFromTheItemTable()
    {
        await using var host = await HostAsync();
        var store = host.Get<CoverageStore>();
        await store.UpsertAsync(Item("https://news.example/a", "First story"), CancellationToken.None);
        var function = new CoverageHtml(host.Get<CoverageEndpoints>());
        await ExecuteAsync(await function.Run(Request(), "essay-1", CancellationToken.None));

        await store.UpsertAsync(Item("https://news.example/b", "Second story"), CancellationToken.None);
        var (_, before, _) = await ExecuteAsync(await function.Run(Request(), "essay-1", CancellationToken.None));
        await host.Get<CoverageSnapshots>().CoverageChangedAsync(new CoverageChange(["essay-1"], []), CancellationToken.None);
        var (_, after, _) = await ExecuteAsync(await function.Run(Request(), "essay-1", CancellationToken.None));

        Assert.DoesNotContain("Second story", before, StringComparison.Ordinal);
        Assert.Contains("Second story", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAtomFeedIsServedWithAnETagAndAnswersNotModified()
    {
        await using var host = await HostAsync();
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/a", "A story"), CancellationToken.None);
        var function = new CoverageAtomFeed(host.Get<CoverageEndpoints>());

        var (status, body, headers) = await ExecuteAsync(await function.Run(Request(), "essay-1", CancellationToken.None));
        var (again, empty, _) = await ExecuteAsync(await function.Run(Request(headers["ETag"]), "essay-1", CancellationToken.None));

        Assert.Equal(200, status);
        Assert.StartsWith("application/atom+xml", headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("max-age", headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Single(XDocument.Parse(body).Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.Equal(304, again);
        Assert.Empty(empty);
    }

    [Fact]
    public async Task TheCsvIsAnAttachmentWithOneRowPerItemAndNeutralisedFormulas()
    {
        await using var host = await HostAsync();
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/a", "=cmd|' /C calc'!A0"), CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/b", "Plain, with comma"), CancellationToken.None);

        var (status, body, headers) = await ExecuteAsync(await new CoverageCsvExport(host.Get<CoverageEndpoints>()).Run(Request(), "essay-1", CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Contains("attachment", headers["Content-Disposition"], StringComparison.Ordinal);
        Assert.Equal(3, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",'=cmd|' /C calc'!A0,", body, StringComparison.Ordinal);
        Assert.Contains(",\"Plain, with comma\",", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryStringFiltersNarrowTheJsonAndCarryTheirOwnETag()
    {
        await using var host = await HostAsync();
        await host.Get<CoverageStore>().UpsertAsync(Item("https://news.example/a", "An article"), CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(Item("https://social.example/p", "A post") with { Kind = CoverageKinds.Post, Outlet = "Bluesky" }, CancellationToken.None);
        var function = new CoverageJson(host.Get<CoverageEndpoints>());

        var (_, all, allHeaders) = await ExecuteAsync(await function.Run(Request(), "essay-1", CancellationToken.None));
        var (_, posts, postHeaders) = await ExecuteAsync(await function.Run(Request(query: "?kind=post"), "essay-1", CancellationToken.None));
        var (again, _, _) = await ExecuteAsync(await function.Run(Request(postHeaders["ETag"], "?kind=post"), "essay-1", CancellationToken.None));

        Assert.Equal(2, JsonDocument.Parse(all).RootElement.GetProperty("items").GetArrayLength());
        var item = Assert.Single(JsonDocument.Parse(posts).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("post", item.GetProperty("kind").GetString());
        Assert.NotEqual(allHeaders["ETag"], postHeaders["ETag"]);
        Assert.Equal(304, again);
    }

    [Fact]
    public async Task AnEssayAddedThroughTheAdminEndpointIsTrackedAndARemovedOneIsNot()
    {
        await using var host = await HostAsync();
        var admin = host.Get<AdminEndpoints>();
        var essay = """{"id":"essay-2","title":"A Second Essay","author":"Bo Writer","urls":["https://fuse.example/p/second"]}""";

        var (added, _, _) = await ExecuteAsync(await new AddEssay(admin).Run(Request(body: essay, method: "POST"), CancellationToken.None));
        var (_, listed, _) = await ExecuteAsync(await new EssayIndex(host.Get<CoverageEndpoints>()).Run(Request(), CancellationToken.None));
        var (removed, _, _) = await ExecuteAsync(await new RemoveEssay(admin).Run(Request(method: "DELETE"), "essay-1", CancellationToken.None));
        var (_, after, _) = await ExecuteAsync(await new EssayIndex(host.Get<CoverageEndpoints>()).Run(Request(), CancellationToken.None));
        var (bad, _, _) = await ExecuteAsync(await new AddEssay(admin).Run(Request(body: """{"id":"x","title":"t","urls":["javascript:alert(1)"]}""", method: "POST"), CancellationToken.None));

        Assert.Equal(201, added);
        Assert.Contains("A Second Essay", listed, StringComparison.Ordinal);
        Assert.Contains("The Long Fuse", listed, StringComparison.Ordinal);
        Assert.Equal(200, removed);
        Assert.DoesNotContain("The Long Fuse", after, StringComparison.Ordinal);
        Assert.Contains("A Second Essay", after, StringComparison.Ordinal);
        Assert.Equal(400, bad);
    }

    private static async Task<TestHost> HostAsync()
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

    private static HttpRequest Request(string? ifNoneMatch = null, string? query = null, string? body = null, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            context.Request.ContentType = "application/json";
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
