using System.Text.Json;

namespace CoverageAggregator.Sources.Social;

/// <summary>
/// Reads the items of an API page one by one: an item that does not fit its wire type is skipped and counted, so one
/// malformed post never drops the page it came in.
/// </summary>
internal static class WireItems
{
    public static List<T> Read<T>(IEnumerable<JsonElement>? items, JsonSerializerOptions json, out int malformed)
    {
        var read = new List<T>();
        malformed = 0;
        foreach (var item in items ?? [])
        {
            try
            {
                if (item.ValueKind == JsonValueKind.Object && item.Deserialize<T>(json) is { } value)
                {
                    read.Add(value);
                    continue;
                }
            }
            catch (JsonException)
            {
            }

            malformed++;
        }

        return read;
    }

    /// <summary>The warning for skipped items, or null when there were none.</summary>
    public static string? Skipped(string platform, string path, int malformed) =>
        malformed == 0 ? null : $"{platform} {path}: {malformed} malformed item(s) skipped, the rest of the page read";
}
