using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoverageAggregator.Configuration.Discovery;

/// <summary>Writes a sources file in the shape <see cref="ConfigLoader"/> reads: camelCase, indented, absent values left out.</summary>
public static class SourcesFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file's text; a config that <see cref="ConfigLoader.Validate"/> refuses is an error, never written.</summary>
    public static string Serialize(CoverageConfig config)
    {
        var errors = ConfigLoader.Validate(config).ToList();
        if (errors.Count > 0)
        {
            throw new ConfigException("the sources file would not be valid: " + string.Join("; ", errors));
        }

        return JsonSerializer.Serialize(config, Json) + "\n";
    }
}
