using CoverageAggregator.Configuration;
using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Collection;

/// <summary>
/// One feed: conditional fetch, parse, and for each entry not judged before, decide whether it cites an essay.
/// The article page is fetched when the entry could concern an essay (or the feed carries only a summary) and is not
/// older than the essay, however long after it: a link or a quote counts at any age, only mentions have a date window.
/// The page gives the canonical URL, metadata, main text and links.
/// </summary>
public sealed class FeedCollector(Fetcher fetcher, PageResolver pages, SeenEntryStore seen, IOptions<CoverageOptions> options) : ISourceCollector
{
    /// <summary>Feed text shorter than this is taken as a summary: only the page can tell whether it cites.</summary>
    private const int SummaryLength = 1500;

    /// <summary>Outbound links followed through redirects per article when no direct essay link is found.</summary>
    private const int MaxLinksResolved = 10;

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Feed;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var fetch = await fetcher.FetchAsync(
            new FetchRequest(new Uri(state.CurrentUrl), state.HttpETag, state.HttpLastModified,
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"),
            cancellationToken).ConfigureAwait(false);
        if (fetch.Outcome == FetchOutcome.NotModified)
        {
            // Nothing new in the feed; entries kept pending are due whatever the feed says (a source with none asks nothing more).
            var retried = new Judging(this, seen, context, options.Value.MaxPagesPerSource);
            if (state.PendingEntries is not 0)
            {
                await retried.RetryPendingAsync(new HashSet<string>(), cancellationToken).ConfigureAwait(false);
            }

            return retried.Into(SourceRun.From(fetch), 0, []);
        }

        if (!fetch.IsOk)
        {
            return SourceRun.From(fetch);
        }

        ParsedFeed feed;
        try
        {
            feed = FeedParser.Parse(fetch.Body, fetch.FinalUrl, fetch.Charset);
        }
        catch (FeedFormatException ex)
        {
            return SourceRun.From(fetch) with { Outcome = FetchOutcome.Failed, Error = ex.Message };
        }

        var already = await seen.FindSeenAsync(context.Source.Id, feed.Entries.Select(e => e.Id), cancellationToken).ConfigureAwait(false);
        var judging = new Judging(this, seen, context, options.Value.MaxPagesPerSource);
        var fresh = feed.Entries.DistinctBy(e => e.Id).Where(e => !already.Ids.Contains(e.Id)).ToList();
        if (already.Pending.Count > 0)
        {
            await judging.RetryPendingAsync(fresh.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in fresh)
        {
            await judging.JudgeAsync(entry, triesBefore: 0, cancellationToken).ConfigureAwait(false);
        }

        return judging.Into(SourceRun.From(fetch), feed.Entries.Count, feed.Warnings, pendingBefore: already.Pending);
    }

    /// <summary>
    /// One run's judgements: every entry met ends judged (seen) or pending, so nothing is lost to a page that failed, a
    /// Google News link not decoded yet or the page budget running out, and the feed's validators can always advance.
    /// </summary>
    private sealed class Judging(FeedCollector collector, SeenEntryStore seen, SourceContext context, int pageBudget)
    {
        private readonly List<CoverageItem> _items = [];
        private readonly List<(string, string?, string)> _judged = [];
        private readonly List<PendingEntry> _pending = [];
        private readonly List<string> _warnings = [];
        private int _pagesUsed;
        private int _deferred;

        /// <summary>The pending entries that are due, before the feed's new ones (the body's own copies are judged as new).</summary>
        public async Task RetryPendingAsync(HashSet<string> inBody, CancellationToken cancellationToken)
        {
            var due = await seen.DuePendingAsync(context.Source.Id, context.Now, Math.Max(pageBudget, 1), cancellationToken).ConfigureAwait(false);
            foreach (var pending in due.Where(p => !inBody.Contains(p.Entry.Id)))
            {
                await JudgeAsync(pending.Entry, pending.Tries, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task JudgeAsync(FeedEntry entry, int triesBefore, CancellationToken cancellationToken)
        {
            var feedText = FeedText(entry);
            var feedWords = new SplitText(entry.Title + "\n" + feedText.Text);
            var mayCite = EntryMayCite(context.Essays, entry, feedText);
            var wantsPage = WantsPage(entry, feedText, feedWords, context.Essays, mayCite);
            if (!wantsPage && !mayCite)
            {
                _judged.Add((entry.Id, entry.Link, "not-coverage")); // nothing in it could cite, and it has no page to read
                return;
            }

            if (wantsPage && _pagesUsed++ >= pageBudget)
            {
                _deferred++;
                _pending.Add(PendingEntry.Deferred(entry, triesBefore, context.Now, "waits for the next run's page budget"));
                return;
            }

            var judgement = await collector.JudgeAsync(context, entry, feedText, feedWords, wantsPage, mayCite, cancellationToken).ConfigureAwait(false);
            if (judgement.Unfinished is { } problem && triesBefore + 1 < PendingEntry.MaxTries)
            {
                _pending.Add(PendingEntry.Failed(entry, triesBefore, context.Now, problem));
                return;
            }

            _items.AddRange(judgement.Items);
            _judged.Add((entry.Id, entry.Link, judgement.Items.Count > 0 ? "coverage" : "not-coverage"));
        }

        /// <param name="pendingBefore">The ids of the source's pending entries before the run, when known: then the run
        /// counts those still pending after it (the ones not judged, and the ones it keeps), and the runner need not.</param>
        public SourceRun Into(SourceRun run, int entries, IReadOnlyList<string> feedWarnings, IReadOnlySet<string>? pendingBefore = null)
        {
            if (_deferred > 0)
            {
                _warnings.Add($"more than {pageBudget} articles to read; {_deferred} wait for the next run");
            }

            return run with
            {
                Entries = entries, Items = _items, Seen = _judged, Pending = _pending, Warnings = [.. feedWarnings, .. _warnings],
                PendingEntries = pendingBefore?.Except(_judged.Select(j => j.Item1)).Union(_pending.Select(p => p.Entry.Id)).Count(),
            };
        }
    }

    /// <param name="words">The entry's title and feed text, split once for all essays.</param>
    /// <param name="mayCite">Whether the entry itself may cite (<see cref="EntryMayCite"/>): when not, only a summary wants its page.</param>
    private static bool WantsPage(FeedEntry entry, FragmentText text, SplitText words, IReadOnlyList<EssayProfile> essays, bool mayCite)
    {
        if (entry.Link is null || essays.Any(essay => essay.IsEssayUrl(entry.Link)))
        {
            return false; // no page, or the essay's own (an aggregator's entry for the essay says all there is to say)
        }

        return essays.Any(essay => CitationMatcher.IsAfterEssay(essay, entry.PublishedAt)
            && (text.Text.Length < SummaryLength
                || (mayCite && (text.Links.Any(essay.IsEssayUrl) || CitationMatcher.MayConcern(essay, words.Words)))));
    }

    /// <summary>What judging one entry gave: its items, or why it could not finish (a reason to try again later).</summary>
    private sealed record Judgement(IReadOnlyList<CoverageItem> Items, string? Unfinished = null);

    private async Task<Judgement> JudgeAsync(
        SourceContext context, FeedEntry entry, FragmentText feedText, SplitText feedWords, bool wantsPage, bool mayCite, CancellationToken cancellationToken)
    {
        var scan = wantsPage && !mayCite ? PageScan.For(context.Essays) : null; // a page fetched for a summary only is scanned first
        var (page, link, unfinished) = wantsPage ? await FetchArticleAsync(entry, scan, cancellationToken).ConfigureAwait(false) : (null, entry.Link, null);
        if (unfinished is not null)
        {
            return new([], unfinished);
        }

        if (page is { MayCite: false })
        {
            return new([]); // nothing on the page, nor in the entry, that could cite an essay
        }

        var text = page is { MainText.Length: > 0 } ? page.MainText : feedText.Text;
        var links = (page?.Links ?? []).Concat(feedText.Links).Distinct(StringComparer.Ordinal).ToList();
        var blockQuotes = (page?.BlockQuotes ?? []).Concat(feedText.BlockQuotes).ToList();
        if (page is null && ShortLinks.IsShortOrProxy(link))
        {
            link = await pages.ResolveAsync(link!, cancellationToken).ConfigureAwait(false) ?? link;
        }

        var canonical = UrlCanonicalizer.Canonicalize(page?.CanonicalUrl ?? page?.OgUrl ?? page?.Url.AbsoluteUri ?? link);
        if (canonical is null || GoogleNewsLinks.IsGoogleNews(canonical))
        {
            return new([]);
        }

        var title = TitleOf(entry, page);
        var candidate = new CandidateText(title, text, links, blockQuotes, entry.PublishedAt ?? page?.PublishedAt, canonical);
        var words = SplitText.Of(candidate) is var split && split.Text == feedWords.Text ? feedWords : split;
        var items = new List<CoverageItem>();
        var thread = DiscussionThreads.FindInBlurb(feedText.Links, feedText.Text) is { } found && found.Url != canonical ? found : ((string Url, string Forum)?)null;
        foreach (var essay in context.Essays)
        {
            if (essay.IsEssayUrl(canonical) || essay.IsEssayUrl(entry.Link))
            {
                // The essay itself, or a mirror whose rel=canonical points to it: not coverage, but an aggregator's entry
                // for it (hnrss, a subreddit's feed) names the thread where it is discussed.
                if (thread is { } essayThread)
                {
                    items.Add(ThreadItem(context, essay, entry, essayThread, feedText.Text, CitesBy.Link, about: null));
                }

                continue;
            }

            var citation = CitationMatcher.Match(essay, candidate, words);
            if (citation is not { By: CitesBy.Link } && wantsPage && CitationMatcher.MayConcern(essay, words.Words))
            {
                citation = await ResolveLinksAsync(essay, candidate, words, cancellationToken).ConfigureAwait(false) ?? citation;
            }

            if (wantsPage && Roundups.LinksToFollow(essay, candidate, citation, words) is { Count: > 0 } pointedTo)
            {
                // A cluster or linkblog entry: the coverage is the articles it points to.
                var articles = await Roundups.CitingArticlesAsync(pages, essay, pointedTo, cancellationToken).ConfigureAwait(false);
                items.AddRange(articles.Select(a => PointedItem(context, essay, a.Page, a.Url, a.Citation)));
                if (await Roundups.EssayLandedOnAsync(pages, essay, pointedTo, cancellationToken).ConfigureAwait(false) is { } landed)
                {
                    citation = CitationMatcher.Match(essay, candidate with { Links = [.. candidate.Links, landed] }, words);
                }

                if (articles.Count > 0 && citation is null or { By: CitesBy.Mention })
                {
                    continue;
                }
            }

            if (citation is null)
            {
                continue;
            }

            var alsoAt = new[] { link, page?.Url.AbsoluteUri, page?.OgUrl }
                .Select(UrlCanonicalizer.Canonicalize).OfType<string>()
                .Where(u => u != canonical && !GoogleNewsLinks.IsGoogleNews(u))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            items.Add(new CoverageItem
            {
                EssayId = essay.Essay.Id,
                Url = canonical,
                AlsoAt = alsoAt,
                Kind = CoverageKinds.Article,
                Outlet = IsSyndicatedCopy(entry, page, canonical) ? null : page?.SiteName ?? entry.SourceName ?? context.Source.Name,
                // An aggregator's entry (it names a thread) is a submission: its title and author are the submitter's, the page's are the article's.
                Title = thread is null ? title : page?.Title ?? title,
                Author = thread is null ? entry.Author ?? page?.Author : page?.Author,
                // A feed date that is missing or unparseable (and no page date): the time the item was first seen.
                PublishedAt = (thread is null ? entry.PublishedAt ?? page?.PublishedAt : page?.PublishedAt ?? entry.PublishedAt) ?? context.Now,
                CitesBy = citation.By,
                Quotes = citation.Quotes,
                Excerpt = Excerpt(CitingPassage.Of(essay, text)),
                Language = TextLanguage.Of(page?.Language, text),
                TextSignature = TextSignature.Of(text)?.Serialize(),
                SourceIds = [context.Source.Id],
                FirstSeenAt = context.Now,
                UpdatedAt = context.Now,
            });

            if (thread is { } articleThread)
            {
                // An aggregator's entry for a citing article: the article is the coverage, its thread a discussion of it.
                items.Add(ThreadItem(context, essay, entry, articleThread, feedText.Text, citation.By, about: canonical));
            }
        }

        return new(items);
    }

    /// <summary>
    /// The entry's article page. A Google News link that does not reach the publisher (it answers with a Google page, or
    /// fails) is replaced by the publisher's article found from the token, the title and the &lt;source url&gt;; when
    /// none is found the link is dropped, so no item ever carries a Google News URL.
    /// </summary>
    /// <remarks>
    /// Unfinished is set when the page could not be had for a reason that may pass (no answer, a timeout, 429, a server
    /// error, Google asking to slow down): the entry is then kept pending rather than judged on its summary alone.
    /// </remarks>
    private async Task<(ArticlePage? Page, string? Link, string? Unfinished)> FetchArticleAsync(FeedEntry entry, PageScan? scan, CancellationToken cancellationToken)
    {
        var (page, fetch) = await pages.FetchPageAsync(entry.Link!, scan, cancellationToken).ConfigureAwait(false);
        if (!GoogleNewsLinks.IsGoogleNews(entry.Link) || (page is not null && !GoogleNewsLinks.IsGooglePage(page.Url) && !GoogleNewsLinks.IsGoogleNews(page.Url)))
        {
            return (page, entry.Link, page is null && fetch.MayPassLater ? "article page: " + fetch.Problem : null);
        }

        var publisher = await pages.FindPublisherArticleAsync(entry.Link!, TitleOf(entry, null), entry.SourceUrl, cancellationToken).ConfigureAwait(false);
        if (publisher.Url is null)
        {
            return (null, null, publisher.TryLater);
        }

        var (article, articleFetch) = await pages.FetchPageAsync(publisher.Url, scan, cancellationToken).ConfigureAwait(false);
        return (article, publisher.Url, article is null && articleFetch.MayPassLater ? "article page: " + articleFetch.Problem : null);
    }

    /// <summary>
    /// True when the entry itself (its title, link, text, quotes or links, a link that may redirect among them) may cite an
    /// essay (<see cref="PageScan"/>): it is then judged in full, and its page read whatever it holds. When not, it is no
    /// coverage unless its page, wanted for a summary, is: the page is scanned before it is parsed.
    /// </summary>
    private static bool EntryMayCite(IReadOnlyList<EssayProfile> essays, FeedEntry entry, FragmentText text)
    {
        var scan = PageScan.For(essays);
        return scan.MayCiteText(entry.Title) || scan.MayCiteText(text.Text) || text.BlockQuotes.Any(scan.MayCiteText)
            || text.Links.Append(entry.Link).Any(l => scan.MayCiteText(l) || ShortLinks.MayRedirect(l));
    }

    /// <summary>The forum thread an aggregator's entry names, as a discussion of the essay or (with <paramref name="about"/>) of a citing article.</summary>
    private static CoverageItem ThreadItem(
        SourceContext context, EssayProfile essay, FeedEntry entry, (string Url, string Forum) thread, string feedText, CitesBy citesBy, string? about) => new()
    {
        EssayId = essay.Essay.Id,
        Url = thread.Url,
        Kind = CoverageKinds.Discussion,
        Outlet = thread.Forum,
        Title = entry.Title,
        Author = entry.Author,
        PublishedAt = entry.PublishedAt ?? context.Now,
        CitesBy = citesBy,
        Engagement = DiscussionThreads.StatedCounts(feedText),
        About = about,
        SourceIds = [context.Source.Id],
        FirstSeenAt = context.Now,
        UpdatedAt = context.Now,
    };

    private static CoverageItem PointedItem(SourceContext context, EssayProfile essay, ArticlePage page, string url, Citation citation) => new()
    {
        EssayId = essay.Essay.Id,
        Url = url,
        AlsoAt = UrlCanonicalizer.Canonicalize(page.Url.AbsoluteUri) is { } at && at != url ? [at] : [],
        Kind = CoverageKinds.Article,
        Outlet = page.SiteName ?? new Uri(url).Host,
        Title = page.Title,
        Author = page.Author,
        PublishedAt = page.PublishedAt,
        CitesBy = citation.By,
        Quotes = citation.Quotes,
        Excerpt = Excerpt(CitingPassage.Of(essay, page.MainText)),
        Language = TextLanguage.Of(page.Language, page.MainText),
        TextSignature = TextSignature.Of(page.MainText)?.Serialize(),
        SourceIds = [context.Source.Id],
        FirstSeenAt = context.Now,
        UpdatedAt = context.Now,
    };

    /// <summary>Short links and app links hide the essay URL: follow the article's outbound links that may redirect (<see cref="ShortLinks.MayRedirect"/>).</summary>
    private async Task<Citation?> ResolveLinksAsync(EssayProfile essay, CandidateText candidate, SplitText words, CancellationToken cancellationToken)
    {
        var ownHost = Uri.TryCreate(candidate.Url, UriKind.Absolute, out var own) ? own.Host : null;
        var external = candidate.Links.Where(l => Uri.TryCreate(l, UriKind.Absolute, out var u) && !string.Equals(u.Host, ownHost, StringComparison.OrdinalIgnoreCase));
        return await pages.FindEssayTargetAsync(essay, external, MaxLinksResolved, cancellationToken).ConfigureAwait(false) is { } target
            ? CitationMatcher.Match(essay, candidate with { Links = [.. candidate.Links, target] }, words)
            : null;
    }

    /// <summary>
    /// A copy whose rel=canonical names another site, or that declares another page its syndication source, is
    /// syndicated: its site name is the syndicator's, not the outlet's. Where the copy lives is told by its own URLs
    /// (og:url, the URL it was fetched from) or by the publisher an aggregator credits (the RSS &lt;source url&gt;).
    /// </summary>
    private static bool IsSyndicatedCopy(FeedEntry entry, ArticlePage? page, string canonical)
    {
        if (page?.SyndicationSource is { } source && UrlCanonicalizer.Key(source) != UrlCanonicalizer.Key(page.Url.AbsoluteUri))
        {
            return true;
        }

        var canonicalHost = HostKey(new Uri(canonical).Host);
        return new[] { page?.OgUrl, page?.Url.AbsoluteUri, entry.SourceUrl }
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .Any(uri => uri is { HostNameType: UriHostNameType.Dns } // an address literal says nothing about the site
                && !string.Equals(HostKey(uri.Host), canonicalHost, StringComparison.OrdinalIgnoreCase));
    }

    private static string HostKey(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string? TitleOf(FeedEntry entry, ArticlePage? page)
    {
        var title = entry.Title;
        if (title is not null && entry.SourceName is { } source && title.EndsWith(" - " + source, StringComparison.Ordinal))
        {
            title = title[..^(source.Length + 3)].TrimEnd();
        }

        return title ?? page?.Title;
    }

    private static FragmentText FeedText(FeedEntry entry)
    {
        var baseUrl = entry.ContentBase ?? (entry.Link is not null ? new Uri(entry.Link) : new Uri("http://invalid/"));
        var content = ArticleParser.ReadFragment(entry.ContentHtml, baseUrl);
        var summary = entry.SummaryHtml == entry.ContentHtml ? content : ArticleParser.ReadFragment(entry.SummaryHtml, baseUrl);
        return content.Text.Length >= summary.Text.Length
            ? new FragmentText(content.Text, content.Links.Concat(summary.Links).Distinct().ToList(), content.BlockQuotes)
            : new FragmentText(summary.Text, summary.Links.Concat(content.Links).Distinct().ToList(), summary.BlockQuotes);
    }

    internal static string? Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length == 0)
        {
            return null;
        }

        return flat.Length <= 280 ? flat : flat[..flat.LastIndexOf(' ', 279)] + "…";
    }

    /// <summary>What a feed entry's own HTML says: its text, links and blockquotes.</summary>
    private sealed record FragmentText(string Text, IReadOnlyList<string> Links, IReadOnlyList<string> BlockQuotes);
}
