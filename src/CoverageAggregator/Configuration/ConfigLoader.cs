using System.Text.Json;

namespace CoverageAggregator.Configuration;

/// <summary>Reads and validates a sources file; every problem is reported with its location.</summary>
public static class ConfigLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<CoverageConfig> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"config file not found: {path}");
        }

        await using var stream = File.OpenRead(path);
        return await ParseAsync(stream, path, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<CoverageConfig> ParseAsync(Stream stream, string origin, CancellationToken cancellationToken)
    {
        CoverageConfig? config;
        try
        {
            config = await JsonSerializer.DeserializeAsync<CoverageConfig>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ConfigException($"{origin}: not valid JSON at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new ConfigException($"{origin}: the file is empty");
        }

        var errors = Validate(config).ToList();
        if (errors.Count > 0)
        {
            throw new ConfigException($"{origin}: " + string.Join("; ", errors));
        }

        return config;
    }

    public static IEnumerable<string> Validate(CoverageConfig config)
    {
        if (config.Essays.Count == 0)
        {
            yield return "no essays: add at least one under \"essays\"";
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < config.Essays.Count; i++)
        {
            var essay = config.Essays[i];
            if (string.IsNullOrWhiteSpace(essay.Id))
            {
                yield return $"essays[{i}]: \"id\" is required";
            }
            else if (!ids.Add(essay.Id))
            {
                yield return $"essays[{i}]: duplicate id \"{essay.Id}\"";
            }
            else if (essay.Id.IndexOfAny(['/', '\\', '#', '?']) >= 0)
            {
                yield return $"essays[{i}]: id \"{essay.Id}\" must not contain / \\ # or ?";
            }

            if (essay.Urls.Count == 0)
            {
                yield return $"essays[{i}]: \"urls\" needs at least one URL of the essay";
            }

            foreach (var url in essay.Urls.Append(essay.FetchUrl).OfType<string>())
            {
                if (!IsHttpUrl(url))
                {
                    yield return $"essays[{i}]: \"{url}\" is not an http(s) URL";
                }
            }
        }

        for (var i = 0; i < config.Feeds.Count; i++)
        {
            if (!IsHttpUrl(config.Feeds[i].Url))
            {
                yield return $"feeds[{i}]: \"{config.Feeds[i].Url}\" is not an http(s) URL";
            }
        }

        for (var i = 0; i < config.Social.Count; i++)
        {
            var social = config.Social[i];
            if (string.IsNullOrWhiteSpace(social.Type))
            {
                yield return $"social[{i}]: \"type\" is required";
            }

            if (social.BaseUrl is not null && !IsHttpUrl(social.BaseUrl))
            {
                yield return $"social[{i}]: baseUrl \"{social.BaseUrl}\" is not an http(s) URL";
            }
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
