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
    public async Task ACycleBringsASnapshotLeftBehindByAKilledRunUpToDateEvenWhenItFindsNothingNew()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var cycle = host.Get<CollectionCycle>();
        await cycle.RunAsync(null, CancellationToken.None);
        var before = await host.Get<SnapshotStore>().FindAsync("essay-1", CancellationToken.None);

        // What a run killed between storing an item and telling the observers leaves: the item, an older snapshot.
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "Stored before the kill"), CancellationToken.None);
        var reports = await cycle.RunAsync(null, CancellationToken.None);
        var after = await host.Get<SnapshotStore>().FindAsync("essay-1", CancellationToken.None);

        Assert.Empty(before!.Export.Items);
        Assert.Equal(0, reports.Sum(r => r.NewCoverage));
        Assert.Equal("Stored before the kill", Assert.Single(after!.Export.Items).Title);
    }

    [Fact]
    public async Task ASnapshotIsStoredGzippedAndOneStoredPlainBeforeStillReads()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var store = host.Get<SnapshotStore>();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "First story"), CancellationToken.None);
        var built = await host.Get<CoverageSnapshots>().RebuildAsync("essay-1", CancellationToken.None);
        var blob = host.Get<StorageClients>().Container("snapshots").GetBlobClient("essay-1.json");

        var raw = (await blob.DownloadContentAsync()).Value;
        await blob.UploadAsync(new BinaryData(built!.Serialize()), overwrite: true);
        var plain = await store.FindAsync("essay-1", CancellationToken.None);

        Assert.Equal("gzip", raw.Details.ContentEncoding);
        Assert.Equal(new byte[] { 0x1f, 0x8b }, raw.Content.ToArray()[..2]);
        Assert.Equal(built.Version, plain!.Version);
        Assert.Equal("First story", Assert.Single(plain.Export.Items).Title);
    }

    [Fact]
    public async Task ARebuildOfUnchangedCoverageKeepsTheStoredSnapshotAndAChangeReplacesIt()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var snapshots = host.Get<CoverageSnapshots>();
        var store = host.Get<SnapshotStore>();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "First story"), CancellationToken.None);

        var first = await snapshots.RebuildAsync("essay-1", CancellationToken.None);
        await Task.Delay(20);
        var unchanged = await snapshots.RebuildAsync("essay-1", CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/b", "Second story"), CancellationToken.None);
        var changed = await snapshots.RebuildAsync("essay-1", CancellationToken.None);

        Assert.Equal(first!.BuiltAt, unchanged!.BuiltAt);
        Assert.NotEqual(first.Version, changed!.Version);
        Assert.Equal(changed.Version, (await store.FindStampAsync("essay-1", CancellationToken.None))?.Version);
        Assert.Equal(2, (await store.FindAsync("essay-1", CancellationToken.None))!.Export.Items.Count);
        Assert.Null(await store.FindStampAsync("no-such-essay", CancellationToken.None));
    }

    [Fact]
    public async Task RequestsAreServedFromTheStoredSnapshotNotFromTheItemTable()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var store = host.Get<CoverageStore>();
        await store.UpsertAsync(FunctionCalls.Item("https://news.example/a", "First story"), CancellationToken.None);
        var function = new CoverageHtml(host.Get<CoverageEndpoints>());
        await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));

        await store.UpsertAsync(FunctionCalls.Item("https://news.example/b", "Second story"), CancellationToken.None);
        var (_, before, _) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));
        var snapshots = host.Get<CoverageSnapshots>();
        await snapshots.CoverageChangedAsync(new CoverageChange(["essay-1"], []), CancellationToken.None);
        await snapshots.FlushAsync(CancellationToken.None);
        var (_, after, _) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));

        Assert.DoesNotContain("Second story", before, StringComparison.Ordinal);
        Assert.Contains("Second story", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAtomFeedIsServedWithAnETagAndAnswersNotModified()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "A story"), CancellationToken.None);
        var function = new CoverageAtomFeed(host.Get<CoverageEndpoints>());

        var (status, body, headers) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));
        var (again, empty, _) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(headers["ETag"]), "essay-1", CancellationToken.None));

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
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "=cmd|' /C calc'!A0"), CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/b", "Plain, with comma"), CancellationToken.None);

        var (status, body, headers) = await FunctionCalls.ExecuteAsync(await new CoverageCsvExport(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Contains("attachment", headers["Content-Disposition"], StringComparison.Ordinal);
        Assert.Equal(3, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",'=cmd|' /C calc'!A0,", body, StringComparison.Ordinal);
        Assert.Contains(",\"Plain, with comma\",", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryStringFiltersNarrowTheJsonAndCarryTheirOwnETag()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://news.example/a", "An article"), CancellationToken.None);
        await host.Get<CoverageStore>().UpsertAsync(FunctionCalls.Item("https://social.example/p", "A post") with { Kind = CoverageKinds.Post, Outlet = "Bluesky" }, CancellationToken.None);
        var function = new CoverageJson(host.Get<CoverageEndpoints>());

        var (_, all, allHeaders) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(), "essay-1", CancellationToken.None));
        var (_, posts, postHeaders) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(query: "?kind=post"), "essay-1", CancellationToken.None));
        var (again, _, _) = await FunctionCalls.ExecuteAsync(await function.Run(FunctionCalls.Request(postHeaders["ETag"], "?kind=post"), "essay-1", CancellationToken.None));

        Assert.Equal(2, JsonDocument.Parse(all).RootElement.GetProperty("items").GetArrayLength());
        var item = Assert.Single(JsonDocument.Parse(posts).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("post", item.GetProperty("kind").GetString());
        Assert.NotEqual(allHeaders["ETag"], postHeaders["ETag"]);
        Assert.Equal(304, again);
    }

    [Fact]
    public async Task AnEssayAddedThroughTheAdminEndpointIsTrackedAndARemovedOneIsNot()
    {
        await using var host = await FunctionCalls.HostWithOneEssayAsync();
        var admin = host.Get<AdminEndpoints>();
        var essay = """{"id":"essay-2","title":"A Second Essay","author":"Bo Writer","urls":["https://fuse.example/p/second"]}""";

        var (added, _, _) = await FunctionCalls.ExecuteAsync(await new AddEssay(admin).Run(FunctionCalls.Request(body: essay, method: "POST"), CancellationToken.None));
        var (_, listed, _) = await FunctionCalls.ExecuteAsync(await new EssayIndex(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), CancellationToken.None));
        var (removed, _, _) = await FunctionCalls.ExecuteAsync(await new RemoveEssay(admin).Run(FunctionCalls.Request(method: "DELETE"), "essay-1", CancellationToken.None));
        var (_, after, _) = await FunctionCalls.ExecuteAsync(await new EssayIndex(host.Get<CoverageEndpoints>()).Run(FunctionCalls.Request(), CancellationToken.None));
        var (bad, _, _) = await FunctionCalls.ExecuteAsync(await new AddEssay(admin).Run(FunctionCalls.Request(body: """{"id":"x","title":"t","urls":["javascript:alert(1)"]}""", method: "POST"), CancellationToken.None));

        Assert.Equal(201, added);
        Assert.Contains("A Second Essay", listed, StringComparison.Ordinal);
        Assert.Contains("The Long Fuse", listed, StringComparison.Ordinal);
        Assert.Equal(200, removed);
        Assert.DoesNotContain("The Long Fuse", after, StringComparison.Ordinal);
        Assert.Contains("A Second Essay", after, StringComparison.Ordinal);
        Assert.Equal(400, bad);
    }
}
