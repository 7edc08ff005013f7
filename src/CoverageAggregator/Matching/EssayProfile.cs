using System.Text.RegularExpressions;
using CoverageAggregator.Configuration;

namespace CoverageAggregator.Matching;

/// <summary>Everything needed to recognise a citation of one essay: its URL keys, names, sentences and date.</summary>
public sealed partial class EssayProfile
{
    public EssayProfile(EssayConfig essay, IEnumerable<string> extraUrls, string? essayText)
    {
        Essay = essay;
        UrlKeys = essay.Urls.Append(essay.FetchUrl).Concat(extraUrls).Where(u => !IsSiteRoot(u))
            .Select(UrlCanonicalizer.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Sentences = essayText is null ? [] : SplitSentences(essayText).ToList();
        SentenceIndex = new SentenceIndex(Sentences.Select(Words.Split).ToList());
        TitlePhrases = NamePhrases(essay).Select(Words.Split).Where(p => p.Count > 0).ToList();
        var author = essay.Author is null ? [] : Words.Split(essay.Author);
        AttributionPhrases = new[] { essay.Author, essay.Publication }
            .OfType<string>()
            .Select(Words.Split)
            .Append(author.Count > 1 ? [author[^1]] : [])
            .Where(p => p.Count > 0)
            .ToList();
    }

    public EssayConfig Essay { get; }
    public IReadOnlySet<string> UrlKeys { get; }
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>The words of <see cref="Sentences"/>, indexed for quote matching.</summary>
    internal SentenceIndex SentenceIndex { get; }

    /// <summary>Phrases that name the essay: its title (also without a leading article) and keywords that are not just the author.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> TitlePhrases { get; }

    /// <summary>Phrases that attribute it: the author's full name, surname, and the publication.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> AttributionPhrases { get; }

    /// <summary>
    /// True for a URL of the essay, also inside a web archive's snapshot of it (<see cref="ArchiveLinks"/>). The essay's
    /// URLs are exact: a site root or publication home page among them is left out, since a link to it cites no one essay.
    /// </summary>
    public bool IsEssayUrl(string? url) => UrlCanonicalizer.Key(ArchiveLinks.Original(url) ?? url) is { } key && UrlKeys.Contains(key);

    private static bool IsSiteRoot(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/').Length == 0 && uri.Query.Length <= 1;

    private static IEnumerable<string> NamePhrases(EssayConfig essay)
    {
        var title = essay.Title.Trim();
        yield return title;
        var withoutArticle = LeadingArticle().Replace(title, "");
        if (withoutArticle != title && withoutArticle.Split(' ').Length >= 2)
        {
            yield return withoutArticle;
        }

        // "Import AI 455: Title" names the essay as "Import AI 455" and as "Title".
        var colon = title.IndexOf(':');
        if (colon > 0)
        {
            yield return title[..colon];
            yield return title[(colon + 1)..].Trim();
        }

        foreach (var keyword in essay.Keywords)
        {
            if (!string.Equals(keyword, essay.Author, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(keyword, essay.Publication, StringComparison.OrdinalIgnoreCase))
            {
                yield return keyword;
            }
        }
    }

    private static IEnumerable<string> SplitSentences(string text)
    {
        foreach (var paragraph in text.Split("\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var sentence in SentenceEnd().Split(paragraph))
            {
                if (sentence.Trim() is { Length: > 0 } s && Words.Count(s) >= 4)
                {
                    yield return s;
                }
            }
        }
    }

    [GeneratedRegex(@"^(the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[""“‘(]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}
