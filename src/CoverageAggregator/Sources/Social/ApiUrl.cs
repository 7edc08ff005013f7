namespace CoverageAggregator.Sources.Social;

/// <summary>Builds API URLs: base + path + escaped query parameters (null values are left out).</summary>
internal static class ApiUrl
{
    public static Uri Build(string baseUrl, string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value!)));
        return new Uri(baseUrl.TrimEnd('/') + path + (query.Length > 0 ? "?" + query : ""));
    }
}
