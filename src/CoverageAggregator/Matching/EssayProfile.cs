using System.Text.RegularExpressions;
using CoverageAggregator.Configuration;

namespace CoverageAggregator.Matching;

/// <summary>Everything needed to recognise a citation of one essay: its URL keys, names, sentences and date.</summary>
public sealed partial class EssayProfile
{
    /// <param name="titles">Other titles the essay page gives itself (its metadata, translated titles).</param>
    public EssayProfile(EssayConfig essay, IEnumerable<string> extraUrls, string? essayText, IEnumerable<string>? titles = null)
    {
        Essay = essay;
        UrlKeys = essay.Urls.Append(essay.FetchUrl).Concat(extraUrls).Where(u => !IsSiteRoot(u))
            .Select(UrlCanonicalizer.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Sentences = essayText is null ? [] : SplitSentences(essayText).ToList();
        SentenceIndex = new SentenceIndex(Sentences.Select(Words.Split).ToList());
        var names = TitleNames(essay).Concat(OtherTitles(titles ?? [])).ToList();
        TitlePhrases = names.Concat(essay.Keywords.Where(k => IsKeyword(essay, k)))
            .Select(Words.Split).Where(p => p.Count > 0).DistinctBy(p => string.Join(' ', p)).ToList();
        var nameKeys = names.Select(n => string.Join(' ', Words.Split(n))).ToHashSet(StringComparer.Ordinal);
        KeywordPhrases = TitlePhrases.Where(p => !nameKeys.Contains(string.Join(' ', p))).ToList();
        Issue = IssueNumbers.OfTitle(essay.Title);
        var author = essay.Author is null ? [] : Words.Split(essay.Author);
        AuthorPhrase = author;
        PublicationPhrase = essay.Publication is null ? [] : Words.Split(essay.Publication);
        var attribution = author.Concat(PublicationPhrase).ToHashSet(StringComparer.Ordinal);
        RareWords = Sentences.SelectMany(Words.Split).Where(w => CommonWords.IsRareWord(w) && !attribution.Contains(w)).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>Phrases that name the essay: its title (also without a leading article, and the titles its page gives itself) and keywords that are not just the author.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> TitlePhrases { get; }

    /// <summary>The keywords among <see cref="TitlePhrases"/>: what the essay is about, which other issues of its publication may be about too.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> KeywordPhrases { get; }

    /// <summary>The author's full name and the publication's name, as words (empty when not configured).</summary>
    internal IReadOnlyList<string> AuthorPhrase { get; }

    internal IReadOnlyList<string> PublicationPhrase { get; }

    /// <summary>The rare words of the essay's sentences (<see cref="CommonWords.IsRareWord"/>): what its claims are made of.</summary>
    internal IReadOnlySet<string> RareWords { get; }

    /// <summary>The issue the title names ("Import AI 455: …" is issue 455 of "Import AI"); null when it names none.</summary>
    internal (IReadOnlyList<string> Name, long Number)? Issue { get; }

    /// <summary>Phrases that attribute it: the author's full name, surname, and the publication.</summary>
    internal IReadOnlyList<IReadOnlyList<string>> AttributionPhrases { get; }

    /// <summary>
    /// True for a URL of the essay, also inside a web archive's snapshot of it (<see cref="ArchiveLinks"/>). The essay's
    /// URLs are exact: a site root or publication home page among them is left out, since a link to it cites no one essay.
    /// </summary>
    public bool IsEssayUrl(string? url) => UrlCanonicalizer.Key(ArchiveLinks.Original(url) ?? url) is { } key && UrlKeys.Contains(key);

    /// <summary>A site root or publication home page (no path, no query): it names a site, never one article.</summary>
    internal static bool IsSiteRoot(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/').Length == 0 && uri.Query.Length <= 1;

    private static IEnumerable<string> TitleNames(EssayConfig essay)
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
    }

    private static bool IsKeyword(EssayConfig essay, string keyword) =>
        !string.Equals(keyword, essay.Author, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(keyword, essay.Publication, StringComparison.OrdinalIgnoreCase);

    /// <summary>Titles from the essay page that name it on their own: at least three words (a Chinese or Japanese title: three characters).</summary>
    private static IEnumerable<string> OtherTitles(IEnumerable<string> titles)
    {
        foreach (var title in titles.Select(t => t.Trim().TrimEnd('.', '。')))
        {
            if (Words.Count(title) >= 3)
            {
                yield return title;
                var colon = title.IndexOfAny([':', '：']);
                if (colon > 0 && Words.Count(title[(colon + 1)..]) >= 3)
                {
                    yield return title[(colon + 1)..].Trim();
                }
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

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[""“‘(]?[A-Z0-9])|(?<=[。！？][」』”]?)(?![」』”])\s*")]
    private static partial Regex SentenceEnd();
}
