using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.IntegrationTests.Eval;

/// <summary>
/// The corpus Corpora/thread-coverage (shared format, ../shared/eval/FORMAT.md, with the platforms' real access rules):
/// an HN comment quoting the essay, an X reply in the essay author's conversation, a quote of a post that links the
/// essay. Collected end to end through the fixture server, each truth item is found with its kind and citation, attached
/// to the parent its truth names, with the engagement its truth gives; no negative is coverage. truth.json adds "parent"
/// and "engagement".
/// </summary>
public class ThreadCorpusTests
{
    private static readonly string Corpus = Path.Combine(Paths.RepoRoot, "tests", "CoverageAggregator.IntegrationTests", "Corpora", "thread-coverage");

    [Fact]
    public async Task EveryThreadItemIsFoundAttachedToItsParentWithItsEngagement()
    {
        var corpus = Corpus;
        var truth = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(corpus, "truth.json"))).RootElement;
        await using var fixtures = await FixtureServer.StartAsync(corpus);
        await using var host = new TestHost(await fixtures.WriteConfigAsync(corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);

        var items = await host.Get<CoverageStore>().ListAsync(truth.GetProperty("essayId").GetString()!, CancellationToken.None);
        foreach (var expected in truth.GetProperty("coverage").EnumerateArray())
        {
            var id = expected.GetProperty("id").GetString();
            var urls = expected.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Prepend(expected.GetProperty("canonicalUrl").GetString()!).ToHashSet();
            var item = Assert.Single(items, i => i.AlsoAt.Prepend(i.Url).Any(urls.Contains));
            Assert.True(item.Url == expected.GetProperty("canonicalUrl").GetString(), $"{id}: url {item.Url}");
            Assert.Equal((expected.GetProperty("kind").GetString(), expected.GetProperty("citesBy").GetString()), (item.Kind, item.CitesBy.ToString().ToLowerInvariant()));
            Assert.Equal(expected.TryGetProperty("parent", out var parent) ? parent.GetString() : null, item.Parent);
            if (expected.TryGetProperty("engagement", out var counts))
            {
                Assert.Equal(Counts(counts), item.Engagement);
            }
        }

        Assert.Equal(truth.GetProperty("coverage").GetArrayLength(), items.Count);
        var negatives = truth.GetProperty("negatives").EnumerateArray().Select(n => n.GetProperty("url").GetString()).ToHashSet();
        Assert.DoesNotContain(items, i => i.AlsoAt.Prepend(i.Url).Any(negatives.Contains));
    }

    [Fact]
    public async Task AnXRunKeepsWhereEachQueryResumesAndThePostsItReadInTheSourceState()
    {
        var corpus = Corpus;
        await using var fixtures = await FixtureServer.StartAsync(corpus);
        await using var host = new TestHost(await fixtures.WriteConfigAsync(corpus));

        await host.Get<CollectionCycle>().RunAsync(null, CancellationToken.None);

        var state = Assert.Single(await host.Get<SourceStateStore>().ListAsync(CancellationToken.None), s => s.Kind == SourceKinds.X);
        Assert.Equal(6, state.LastPostsRead); // the announcement, the quote and the post it quotes; two replies and the announcement again
        Assert.Contains("\"2000500000000000001\"", state.Cursor, StringComparison.Ordinal);
        Assert.Contains("\"2000000000000000102\"", state.Cursor, StringComparison.Ordinal);
    }

    private static Engagement Counts(JsonElement counts)
    {
        int? Count(string name) => counts.TryGetProperty(name, out var value) ? value.GetInt32() : null;
        return new Engagement(Count("likes"), Count("reposts"), Count("replies"), Count("quotes"), Count("points"));
    }
}
