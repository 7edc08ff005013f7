using System.Globalization;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Feeds;

/// <summary>Feed dates as found in the wild: RFC 822/1123 with or without seconds, weekday or zone, named zones, and ISO 8601.</summary>
public static partial class DateParsing
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+0000", ["UTC"] = "+0000", ["GMT"] = "+0000", ["Z"] = "+0000",
        ["EST"] = "-0500", ["EDT"] = "-0400", ["CST"] = "-0600", ["CDT"] = "-0500",
        ["MST"] = "-0700", ["MDT"] = "-0600", ["PST"] = "-0800", ["PDT"] = "-0700",
        ["BST"] = "+0100", ["CET"] = "+0100", ["CEST"] = "+0200", ["EET"] = "+0200", ["EEST"] = "+0300",
        ["IST"] = "+0530", ["JST"] = "+0900", ["AEST"] = "+1000", ["AEDT"] = "+1100",
    };

    private static readonly string[] CommonFormats = ["r", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yyyy",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();

        // Fast paths for the two forms most feeds use: RFC 1123 in GMT and ISO 8601 with an offset.
        if (DateTimeOffset.TryParseExact(text, CommonFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var common))
        {
            return common;
        }

        if (IsoLike().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            return iso;
        }

        var rfc = text;
        var comma = rfc.IndexOf(',');
        if (comma is > 0 and < 12)
        {
            rfc = rfc[(comma + 1)..].Trim();
        }
        else if (LeadingWeekday().Match(rfc) is { Success: true } weekday)
        {
            rfc = rfc[weekday.Length..].Trim();
        }

        rfc = MultiSpace().Replace(rfc, " ");
        var zoneMatch = TrailingZone().Match(rfc);
        if (zoneMatch.Success)
        {
            var zone = zoneMatch.Groups[1].Value;
            var offset = Zones.TryGetValue(zone, out var named) ? named : zone;
            if (offset.Length == 5 && offset[0] is '+' or '-')
            {
                offset = offset[..3] + ":" + offset[3..];
            }

            rfc = rfc[..zoneMatch.Index].TrimEnd() + " " + offset;
        }

        if (DateTimeOffset.TryParseExact(rfc, Rfc822Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoLike();

    [GeneratedRegex(@"^[A-Za-z]{3,9}\.?\s+")]
    private static partial Regex LeadingWeekday();

    [GeneratedRegex(@"\s+([A-Za-z]{1,4}|[+-]\d{2}:?\d{2})$")]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();
}
