using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Sources.Social;

/// <summary>What to ask a platform's search for one essay: its URLs, their hosts, the phrases that name it, and hashtags.</summary>
internal static class SearchTerms
{
    /// <summary>The essay's URLs as configured (the fetchable copy is a local detail, not where people link).</summary>
    public static IReadOnlyList<string> Urls(EssayConfig essay) =>
        essay.Urls.Where(u => Uri.TryCreate(u, UriKind.Absolute, out _)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>host/path without scheme or trailing slash: the form URL searches match as a prefix.</summary>
    public static IReadOnlyList<string> BareUrls(EssayConfig essay) =>
        Urls(essay).Select(u => new Uri(u)).Select(u => (u.Host + u.AbsolutePath).TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<string> Hosts(EssayConfig essay) =>
        Urls(essay).Select(u => new Uri(u).Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Phrases that name the essay: its title and keywords, without the author's or publication's name (they name every
    /// essay of the newsletter). A phrase containing a shorter one is dropped: a search for the shorter finds it too.
    /// </summary>
    public static IReadOnlyList<string> Phrases(EssayConfig essay)
    {
        var names = new[] { essay.Title }.Concat(essay.Keywords)
            .Select(p => p.Trim())
            .Where(p => p.Length > 0
                && !string.Equals(p, essay.Author, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(p, essay.Publication, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(p => string.Join(' ', Words.Split(p)))
            .ToList();
        return names
            .Where(p => !names.Any(q => q != p && Words.Split(q).Count < Words.Split(p).Count && Words.ContainsPhrase(Words.Split(p), Words.Split(q))))
            .ToList();
    }

    /// <summary>Hashtags for the phrases: letters and digits only, lower case ("Some Title" → "sometitle").</summary>
    public static IReadOnlyList<string> Tags(EssayConfig essay) =>
        Phrases(essay)
            .Select(p => new string(p.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(t => t.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
