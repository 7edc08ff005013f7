using System.Buffers;
using System.Runtime.CompilerServices;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// A cheap first look at a fetched page, over its raw HTML before any parsing: could <see cref="CitationMatcher"/> find a
/// citation of one of the essays in it? It looks for everything the matcher could match by:
/// <list type="bullet">
/// <item>the essays' URLs (the original, mirrors, the essay page's canonical), by the distinctive part of their path, so
/// tracking parameters, web archive snapshots and link wrappers (whose URL carries the essay's) are found too;</item>
/// <item>links (&lt;a&gt; tags) that may hide the essay (<see cref="ShortLinks"/>: short links, feed proxies, redirectors);</item>
/// <item>the names the matcher reads (title, other titles, keywords, author, surname, publication, the issue's name), as
/// whole phrases of words read as <see cref="Words"/> reads them (<see cref="PageScanWords"/>);</item>
/// <item>three adjacent words of an essay sentence that say something (not "at the same"): a quote the matcher accepts
/// has at least four words, four in five of them aligned with the essay, and says enough to be no stock phrase, so it
/// holds such a run (a five-word quote whose middle word differs from the essay's is the one shape it can miss).</item>
/// </list>
/// It is a superset filter: a page it finds nothing in cannot cite, and need not be parsed. One scan serves a cycle: it
/// is built once per list of essay profiles.
/// </summary>
public sealed class PageScan
{
    /// <summary>A URL's path shorter than this is looked for whole (with its slashes, also percent-encoded), not by its longest segment.</summary>
    private const int MinimumSlug = 8;

    private static readonly ConditionalWeakTable<IReadOnlyList<EssayProfile>, PageScan> Built = [];

    private readonly SearchValues<string> _urls;
    private readonly PageScanWords _words;

    private PageScan(IReadOnlyList<EssayProfile> essays)
    {
        var urls = essays.SelectMany(e => e.UrlKeys).SelectMany(UrlNeedles);
        _urls = SearchValues.Create(urls.Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
        var names = essays.SelectMany(e => e.TitlePhrases.Concat(e.AttributionPhrases)
            .Concat(e.Issue is { } issue ? [issue.Name] : []));
        var sentences = essays.SelectMany(e => Joined(e.Sentences.Select(Words.Split).ToList()));
        _words = new PageScanWords(names, sentences, ShortLinks.Needles());
    }

    /// <summary>The scan for these essays, built once per list (a cycle passes the same list to every source).</summary>
    public static PageScan For(IReadOnlyList<EssayProfile> essays) => Built.GetValue(essays, e => new PageScan(e));

    /// <summary>True when a page's raw HTML may cite one of the essays.</summary>
    public bool MayCite(ReadOnlySpan<char> html) => html.ContainsAny(_urls) || _words.Finds(html, markup: true);

    /// <summary><see cref="MayCite(ReadOnlySpan{char})"/> of HTML that may be missing.</summary>
    public bool MayCite(string? html) => html is not null && MayCite(html.AsSpan());

    /// <summary>True when plain text (a feed entry's title or text, a URL) may cite one of the essays: '&lt;' and '&amp;' are text in it.</summary>
    public bool MayCiteText(string? text) => text is not null && (text.AsSpan().ContainsAny(_urls) || _words.Finds(text, markup: false));

    /// <summary>
    /// What a link to this URL key carries whatever its form: the longest segment of its path, or the whole path (query
    /// included) when no segment is distinctive, also with its slashes percent-encoded (a wrapper's or archive's query);
    /// non-ASCII text both as written and percent-encoded.
    /// </summary>
    internal static IEnumerable<string> UrlNeedles(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var path = slash < 0 ? "" : key[(slash + 1)..].Trim('/');
        var longest = path.Split('?')[0].Split('/').MaxBy(s => s.Length) ?? "";
        var needle = longest.Length >= MinimumSlug ? longest : path;
        if (needle.Length == 0)
        {
            yield break; // a site root is never an essay URL (EssayProfile leaves it out)
        }

        var plain = Uri.UnescapeDataString(needle);
        foreach (var form in new[] { plain, Uri.EscapeDataString(plain), needle })
        {
            yield return form;
            yield return form.Replace("/", "%2F", StringComparison.Ordinal);
        }
    }

    /// <summary>Each sentence's words, and each pair of adjacent sentences' words across their boundary (the matcher aligns pairs too).</summary>
    private static IEnumerable<IReadOnlyList<string>> Joined(List<IReadOnlyList<string>> sentences)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            yield return sentences[i];
            if (i + 1 < sentences.Count)
            {
                yield return [.. sentences[i].TakeLast(2), .. sentences[i + 1].Take(2)];
            }
        }
    }
}
