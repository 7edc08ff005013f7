using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// A custom summary column: units of work per second of mean time (MB/s, URLs/s, pages/s...). <paramref name="unitsPerOperation"/>
/// says how many units one benchmark invocation processes (null: the column does not apply to that benchmark, shown as "-").
/// It runs in the host process, so the units must be cheap to count there.
/// </summary>
public sealed class ThroughputColumn(string columnName, string legend, Func<BenchmarkCase, double?> unitsPerOperation, string format = "0.0") : IColumn
{
    public string Id => "Throughput." + columnName;
    public string ColumnName => columnName;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    /// <summary>The name of the benchmark method a case runs, for columns whose units differ by method.</summary>
    public static string MethodOf(BenchmarkCase benchmarkCase) => benchmarkCase.Descriptor.WorkloadMethod.Name;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } stats && unitsPerOperation(benchmarkCase) is { } units
            ? (units / (stats.Mean / 1e9)).ToString(format, CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
