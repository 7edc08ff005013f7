using System.Text.Json;
using CoverageAggregator.Sources.X;

namespace CoverageAggregator.Tests.Sources;

/// <summary>X responses of TestData/Social read as the collector reads them.</summary>
internal static class XFixtures
{
    public static XWire.SearchResult Read(string fixture) =>
        JsonSerializer.Deserialize<XWire.SearchResult>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Social", fixture)), XWire.Json)!;
}
