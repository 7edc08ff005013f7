using System.Globalization;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The page's query string: ?kind=article|post|discussion&amp;outlet=NAME&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;lang=en&amp;since=yyyy-MM-dd.
/// Applied to a stored snapshot's items, never to storage queries. Unknown or malformed values are ignored.
/// </summary>
public sealed record CoverageFilter(string? Kind, string? Outlet, DateOnly? From, DateOnly? To, string? Language, DateTimeOffset? Since)
{
    public static CoverageFilter None { get; } = new(null, null, null, null, null, null);

    /// <summary>True when the filter narrows the items (since only moves the "new" marker).</summary>
    public bool Narrows => Kind is not null || Outlet is not null || From is not null || To is not null || Language is not null;

    public bool IsEmpty => !Narrows && Since is null;

    public static CoverageFilter FromQuery(Microsoft.AspNetCore.Http.IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Parse(name => query.TryGetValue(name, out var value) ? value.ToString() : null);
    }

    /// <summary>A short stable key of the filter, part of the ETag of a filtered answer.</summary>
    public string Key => Feeds.EntryIdentity.Hash($"{Kind}|{Outlet}|{From}|{To}|{Language}|{Since:O}");

    public static CoverageFilter Parse(Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new CoverageFilter(
            Clean(query("kind"), 20),
            Clean(query("outlet"), 300),
            ParseDate(query("from")),
            ParseDate(query("to")),
            Clean(query("lang"), 20),
            ParseDate(query("since")) is { } since ? new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
    }

    public CoverageExport Apply(CoverageExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        if (IsEmpty)
        {
            return export;
        }

        var items = export.Items.Where(Matches).ToList();
        return CoverageExport.Build(export.Essay, items, export.GeneratedAt) with { LastDigestAt = Since ?? export.LastDigestAt, Waiting = export.Waiting };
    }

    public bool Matches(ExportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var day = DateOnly.FromDateTime(item.Date.UtcDateTime);
        return (Kind is null || string.Equals(item.Kind, Kind, StringComparison.OrdinalIgnoreCase))
            && (Outlet is null || string.Equals(item.Outlet, Outlet, StringComparison.OrdinalIgnoreCase))
            && (From is null || day >= From)
            && (To is null || day <= To)
            && (Language is null || (item.Language ?? "").StartsWith(Language, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : value.Trim();

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
