using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoverageAggregator.Publishing;

/// <summary>One essay's coverage rendered in every format, stored as one blob and served as is.</summary>
public sealed record CoverageSnapshot(string EssayId, string Version, DateTimeOffset BuiltAt, string Json, string Html, string Atom, string Csv)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = PublishingJson.Default };

    /// <summary>The export the snapshot was rendered from, parsed once per process (filters apply to it).</summary>
    [JsonIgnore]
    public CoverageExport Export => _export ??= CoverageExport.FromJson(Json) ?? throw new InvalidDataException("snapshot JSON is empty");

    private CoverageExport? _export;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);

    /// <summary>A stored format's text as UTF-8, encoded once per process.</summary>
    public ReadOnlyMemory<byte> Utf8(string format, string text) => _utf8.GetOrAdd(format, _ => System.Text.Encoding.UTF8.GetBytes(text));

    public string ETag(string format) => $"\"{Version}-{format}\"";

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static CoverageSnapshot? Deserialize(BinaryData data) => data.ToObjectFromJson<CoverageSnapshot>(Options);

    public static CoverageSnapshot From(CoverageExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var version = Feeds.EntryIdentity.Hash((export with { GeneratedAt = default }).ToJson());
        return new CoverageSnapshot(export.Essay.Id, version, export.GeneratedAt, export.ToJson(), CoveragePage.Render(export), CoverageAtom.Render(export), CoverageCsv.Render(export))
        {
            _export = export,
        };
    }
}
