using AngleSharp.Html.Parser;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Configuration.Discovery;

/// <summary>
/// `coverage init`: reads an essay's page through the <see cref="Fetcher"/> and proposes a sources file for it: the
/// essay's metadata, every URL it lives at (the page, rel=canonical, og:url, and its copy on the author's own site,
/// found by title in that site's feed), its feed, keywords, search feeds and the social platforms.
/// </summary>
public sealed class EssayDiscovery(Fetcher fetcher)
{
    private const string Html = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    private const string FeedTypes = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5";
    private const int MaxAuthorSites = 3;
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public async Task<DiscoveredEssay> DiscoverAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(url, Accept: Html), cancellationToken).ConfigureAwait(false);
        if (!fetch.IsOk)
        {
            throw new DiscoveryException($"could not fetch {url}: {fetch.Error}");
        }

        var html = TextDecoding.Decode(fetch.Body, fetch.Charset);
        var page = ArticleParser.Parse(html, fetch.FinalUrl);
        using var document = await Parser.ParseDocumentAsync(html, cancellationToken).ConfigureAwait(false);
        var found = new List<string>();
        var check = new List<string>();

        var title = page.Title ?? throw new DiscoveryException($"{fetch.FinalUrl} has no title (og:title, JSON-LD headline, h1 or <title>): is it an essay page?");
        var publication = page.SiteName ?? fetch.FinalUrl.Host;
        found.Add($"title: {title}");
        found.Add(page.Author is { } author ? $"author: {author}" : "author: none found");
        found.Add(page.SiteName is not null ? $"publication: {publication}" : $"publication: {publication} (no og:site_name or JSON-LD publisher: the host stands in)");
        found.Add(page.PublishedAt is { } published ? $"published: {published:u}" : "published: none found");
        if (page.Author is null)
        {
            check.Add("no author found: add \"author\" (a mention counts only with the author or the publication)");
        }

        if (page.SiteName is null)
        {
            check.Add($"no publication name found: \"publication\" is the host {publication}; put the publication's name");
        }

        if (page.PublishedAt is null)
        {
            check.Add("no published date found: add \"publishedAt\" (items from before it are then not coverage)");
        }

        var urls = new UrlList();
        urls.Add(fetch.FinalUrl.AbsoluteUri, "the page");
        urls.Add(page.CanonicalUrl, "rel=canonical");
        urls.Add(page.OgUrl, "og:url");

        if (Uri.TryCreate(page.CanonicalUrl, UriKind.Absolute, out var original) && !SameSite(original, fetch.FinalUrl))
        {
            check.Add($"this page names its original at {original} (rel=canonical): the publication and feed here are this site's; run coverage init on the original for its publication's");
        }

        var feeds = new List<FeedConfig>();
        var siteFeeds = PageLinks.Feeds(document, fetch.FinalUrl);
        if (siteFeeds.Count > 0)
        {
            feeds.Add(new FeedConfig { Name = publication, Url = siteFeeds[0] });
            found.Add($"feed: {siteFeeds[0]} (autodiscovery)");
        }
        else
        {
            check.Add("the page advertises no feed (link rel=alternate): add the publication's feed under \"feeds\" if it has one");
        }

        foreach (var site in PageLinks.AuthorSites(document, fetch.FinalUrl, [page.CanonicalUrl, page.OgUrl]).Take(MaxAuthorSites))
        {
            if (await FindCopyAsync(site, title, cancellationToken).ConfigureAwait(false) is { } copy)
            {
                if (urls.Add(copy.Url, $"the author's site {site}, found by title in {copy.Where}"))
                {
                    check.Add($"{copy.Url} was found by its title on the author's site: check it is this essay");
                }

                if (copy.Feed is { } feed && !feeds.Any(f => UrlCanonicalizer.Key(f.Url) == UrlCanonicalizer.Key(feed.Url)))
                {
                    feeds.Add(feed);
                }
            }
        }

        foreach (var (essayUrl, where) in urls.Entries)
        {
            found.Add($"url: {essayUrl} ({where})");
        }

        var keywords = EssayKeywords.Of(title, page.SiteName, page.Author);
        found.Add("keywords: " + string.Join(", ", keywords.Select(k => $"\"{k}\"")));
        check.Add("keywords: each must name this essay and not every issue of the publication (a mention needs one of them, or the title, with the author or publication)");
        if (keywords.Count == 0)
        {
            check.Add("the title is the publication's or the author's name: add keywords that name this essay only, and fix the search feeds' queries");
        }

        IReadOnlyList<string> phrases = keywords.Count > 0 ? keywords : [title];
        feeds.Add(SearchFeeds.GoogleNews(phrases));
        feeds.Add(SearchFeeds.HackerNews(phrases));

        var essay = new EssayConfig
        {
            Id = IdOf(page.CanonicalUrl ?? fetch.FinalUrl.AbsoluteUri),
            Title = title,
            Author = page.Author,
            Publication = publication,
            Urls = urls.Entries.Select(e => e.Url).ToList(),
            FetchUrl = fetch.FinalUrl.AbsoluteUri,
            Keywords = keywords,
            PublishedAt = page.PublishedAt,
        };
        if (page.MainText.Length < 200)
        {
            check.Add($"the page gave only {page.MainText.Length} characters of text: quotes cannot be verified unless \"fetchUrl\" gives the essay's text (a paywall?)");
        }

        foreach (var platform in SocialPlatforms.All.Where(p => p.CredentialSettings.Count > 0))
        {
            check.Add($"{platform.Name}: set {string.Join(" and ", platform.CredentialSettings)} ({platform.Credentials})");
        }

        var config = new CoverageConfig
        {
            Essays = [essay],
            Feeds = feeds,
            Social = SocialPlatforms.All.Select(p => new SocialConfig { Type = p.Type, BaseUrl = p.BaseUrl }).ToList(),
        };
        return new DiscoveredEssay(config, found, check);
    }

    /// <summary>The essay's copy on the author's site: an entry with the same title in a feed its home page advertises, else a link with that title.</summary>
    private async Task<(string Url, string Where, FeedConfig? Feed)?> FindCopyAsync(Uri site, string title, CancellationToken cancellationToken)
    {
        var home = await fetcher.FetchAsync(new FetchRequest(site, Accept: Html), cancellationToken).ConfigureAwait(false);
        if (!home.IsOk)
        {
            return null;
        }

        using var document = await Parser.ParseDocumentAsync(TextDecoding.Decode(home.Body, home.Charset), cancellationToken).ConfigureAwait(false);
        foreach (var feedUrl in PageLinks.Feeds(document, home.FinalUrl).Take(2))
        {
            var feed = await fetcher.FetchAsync(new FetchRequest(new Uri(feedUrl), Accept: FeedTypes), cancellationToken).ConfigureAwait(false);
            if (!feed.IsOk)
            {
                continue;
            }

            try
            {
                var parsed = FeedParser.Parse(feed.Body, feed.FinalUrl, feed.Charset);
                if (parsed.Entries.FirstOrDefault(e => GoogleNewsLinks.SameTitle(e.Title, title) && IsPage(e.Link)) is { } entry)
                {
                    return (entry.Link!, "its feed", new FeedConfig { Name = parsed.Title ?? site.Host, Url = feedUrl });
                }
            }
            catch (FeedFormatException)
            {
                // An unreadable feed: the home page's own links are the last resort.
            }
        }

        return GoogleNewsLinks.LinkWithTitle(document, home.FinalUrl, title) is { } linked && IsPage(linked) ? (linked, "its home page", null) : null;
    }

    private static bool SameSite(Uri a, Uri b) => UrlCanonicalizer.SiteOf(a) == UrlCanonicalizer.SiteOf(b);

    /// <summary>A page of a site, not its home page: a site root never stands for one essay.</summary>
    private static bool IsPage(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/').Length > 0;

    /// <summary>The essay id: the last segment of its URL, in lower-case letters, digits and dashes.</summary>
    internal static string IdOf(string url)
    {
        var segment = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/').Split('/')[^1] : "";
        var id = new string(Path.GetFileNameWithoutExtension(segment).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return id.Length > 0 ? id[..Math.Min(id.Length, 80)] : "essay";
    }

    /// <summary>The essay's URLs in the order found, one per canonical form, each with where it came from.</summary>
    private sealed class UrlList
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public List<(string Url, string Where)> Entries { get; } = [];

        public bool Add(string? url, string where)
        {
            if (!IsPage(url) || UrlCanonicalizer.Key(url) is not { } key || !_keys.Add(key))
            {
                return false;
            }

            Entries.Add((url!, where));
            return true;
        }
    }
}

/// <summary>A proposed sources file, what was found (one line each) and what the user should check.</summary>
public sealed record DiscoveredEssay(CoverageConfig Config, IReadOnlyList<string> Found, IReadOnlyList<string> ToCheck);

/// <summary>The page could not be read as an essay; the message says why.</summary>
public sealed class DiscoveryException(string message) : Exception(message);
