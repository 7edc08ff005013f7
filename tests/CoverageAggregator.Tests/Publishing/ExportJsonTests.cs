using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

/// <summary>The export's JSON contract is source-generated (<see cref="PublishingJson"/>): what reflection did, it must still do.</summary>
public class ExportJsonTests
{
    [Fact]
    public void AnExportWrittenBeforeTheEngagementCountsExistedReadsWithEmptyOnes()
    {
        const string older = """
            {"essay":{"id":"e","title":"E","urls":["https://example.com/e"]},"generatedAt":"2026-12-01T00:00:00+00:00",
             "counts":{"articles":0,"posts":0,"outlets":0,"quotes":0},"items":[],"mostQuoted":[]}
            """;

        var export = CoverageExport.FromJson(older)!;

        Assert.Empty(export.Counts.EngagementByPlatform);
        Assert.Empty(export.Counts.EngagementByOutlet);
        Assert.Contains("Related coverage", CoveragePage.Render(export), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExportReadsBackAsItWasWritten()
    {
        var export = SampleExport.Build();

        Assert.Equal(export.ToJson(), CoverageExport.FromJson(export.ToJson())!.ToJson());
    }
}
