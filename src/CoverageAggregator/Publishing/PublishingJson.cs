using System.Text.Json.Serialization;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The export's and the snapshot's JSON contracts, generated at build time: serialized by reflection, each process would
/// first build their metadata and emit a getter per property (about 40 methods JIT-compiled, fully optimised) before the
/// first page of a cycle is rendered. The options (naming, indentation, escaping) stay with their callers.
/// </summary>
[JsonSerializable(typeof(CoverageExport))]
[JsonSerializable(typeof(CoverageSnapshot))]
internal sealed partial class PublishingJson : JsonSerializerContext;
