using System.Text.Json;
using CoverageAggregator.Feeds;
using CoverageAggregator.Tests.Support;
using Xunit.Abstractions;

namespace CoverageAggregator.Tests.RealWorld;

/// <summary>feed-rs's real-world fixtures (../shared/benchmarks/feed-fixtures/feed-rs) against their golden parses.</summary>
public class FeedRsFixtureTests(ITestOutputHelper output)
{
    /// <summary>
    /// Measured share of feeds whose count, titles, links and dates all agree with feed-rs (61/64); a regression fails.
    /// The three that differ were reviewed: we read two dates feed-rs gives up on ("+00:0", "Sat, Dec 16 2023 02:02:33 PM"),
    /// and take a permalink guid as the link of RSS items that have no &lt;link&gt; (rss_2.0_spec_1).
    /// </summary>
    private const double FeedAgreementFloor = 61 / 64.0;

    /// <summary>Measured share of compared fields (entry counts, titles, links, dates) that agree: 366/370.</summary>
    private const double FieldAgreementFloor = 366 / 370.0;

    private static readonly string Root = Path.Combine(Paths.FeedFixtures, "feed-rs");

    [Fact]
    public void FeedRsGoldenParsesAgreeWithOursOnCountTitlesLinksAndDates()
    {
        var results = new List<FeedRsGolden>();
        foreach (var row in Manifest().Where(r => r.Expect == "parse" && r.Golden is not null))
        {
            try
            {
                results.Add(FeedRsGolden.Compare(Root, row.Source, row.Golden!));
            }
            catch (FeedFormatException ex)
            {
                results.Add(new FeedRsGolden(row.Source, 1, 0, [$"not parsed: {ex.Message}"]));
            }
        }

        foreach (var result in results.Where(r => !r.Agrees))
        {
            output.WriteLine($"{result.Source}: {string.Join("; ", result.Differences)}");
        }

        var feedShare = results.Count(r => r.Agrees) / (double)results.Count;
        var fieldShare = results.Sum(r => r.Agreeing) / (double)results.Sum(r => r.Fields);
        output.WriteLine($"feeds agreeing: {results.Count(r => r.Agrees)}/{results.Count} = {feedShare:P1}; fields agreeing: {results.Sum(r => r.Agreeing)}/{results.Sum(r => r.Fields)} = {fieldShare:P1}");
        Assert.Equal(64, results.Count);
        Assert.True(feedShare >= FeedAgreementFloor, $"feed agreement {feedShare:P1} fell below {FeedAgreementFloor:P1}");
        Assert.True(fieldShare >= FieldAgreementFloor, $"field agreement {fieldShare:P1} fell below {FieldAgreementFloor:P1}");
    }

    [Fact]
    public void TheTruncatedFeedRsDocumentIsReportedAsAFormatError()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Root, "rss2", "rss_2.0_invalid_1.xml"));
        Assert.Throws<FeedFormatException>(() => FeedParser.Parse(bytes, FeedRsGolden.FeedUrl));
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static List<ManifestRow> Manifest() =>
        JsonSerializer.Deserialize<List<ManifestRow>>(File.ReadAllText(Path.Combine(Root, "manifest.json")), Web)!;

    private sealed record ManifestRow(string Source, string? Golden, string Expect);
}
