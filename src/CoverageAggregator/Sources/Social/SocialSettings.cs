using System.Text.Json;
using CoverageAggregator.Configuration;

namespace CoverageAggregator.Sources.Social;

/// <summary>Reads the platform-specific fields of a social source's config (credentials, tags, user agent).</summary>
internal static class SocialSettings
{
    /// <summary>A string field, or null when absent or blank.</summary>
    public static string? Text(this SocialConfig config, string name) =>
        Find(config, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>A list field: a JSON array of strings, or one comma-separated string.</summary>
    public static IReadOnlyList<string> List(this SocialConfig config, string name) => Find(config, name) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToList(),
        { ValueKind: JsonValueKind.String } text => text.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    /// <summary>The API root: the configured baseUrl without a trailing slash, else the platform's public endpoint.</summary>
    public static string BaseUrl(this SourceDescriptor source, string fallback) =>
        (string.IsNullOrWhiteSpace(source.Url) ? fallback : source.Url).TrimEnd('/');

    private static JsonElement? Find(SocialConfig config, string name)
    {
        if (config.Extra is null)
        {
            return null;
        }

        foreach (var (key, value) in config.Extra)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
