using System.Globalization;
using System.Text;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Publishing;

/// <summary>
/// The coverage page: the essay as headline, counts, a timeline of mentions per day (inline SVG), filters (a plain GET
/// form), related coverage by outlet, discussion by platform and the most-quoted passages. Each post and discussion shows
/// its engagement per kind; replies, quotes and comments are shown under the item they answer, and platforms and outlets
/// their engagement added up. No script: it works as plain HTML under the strict CSP, with inline styles only.
/// </summary>
public static class CoveragePage
{
    /// <summary>Levels of replies shown nested under a post; replies deeper still are listed at the last level.</summary>
    private const int MaxThreadDepth = 4;

    /// <summary>Renders <paramref name="full"/> narrowed by <paramref name="filter"/>; the form's choices come from the full export.</summary>
    public static string Render(CoverageExport full, CoverageFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(full);
        filter ??= CoverageFilter.None;
        var export = filter.Apply(full);
        var essay = export.Essay;
        var since = filter.Since ?? full.LastDigestAt;
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Coverage: ").Append(Html.Text(essay.Title)).Append("</title>\n")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Coverage feed\" href=\"")
            .Append(Html.Href(EssayPath(essay.Id) + "/coverage.atom")).Append("\">\n")
            .Append("<style>").Append(PageStyles.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#related\">Skip to coverage</a>\n")
            .Append("<nav class=\"top\" aria-label=\"Site\"><a href=\"/api/essays\">All tracked essays</a></nav>\n<main>\n");

        AppendHeadline(html, export, since);
        AppendFilters(html, full, filter);
        AppendTimeline(html, export.Items);

        var articles = export.Items.Where(i => i.Kind == CoverageKinds.Article).ToList();
        var threads = new CoverageThreads(export.Items);
        html.Append("<section aria-labelledby=\"related\">\n<h2 id=\"related\">Related coverage</h2>\n");
        if (articles.Count == 0)
        {
            html.Append("<p class=\"empty\">No coverage found yet.</p>\n");
        }

        foreach (var outlet in articles.GroupBy(i => i.Outlet ?? "Unknown outlet", StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Max(i => i.Date)))
        {
            html.Append("<article class=\"outlet\">\n<h3>").Append(Html.Text(outlet.Key))
                .Append(SumText(export.Counts.EngagementByOutlet, outlet.Key, "discussion: ")).Append("</h3>\n");
            foreach (var item in outlet)
            {
                AppendArticle(html, item, since, threads);
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");

        var posts = export.Items.Where(i => i.Kind != CoverageKinds.Article && !threads.IsAttached(i)).ToList();
        html.Append("<section aria-labelledby=\"discussion\">\n<h2 id=\"discussion\">Discussion</h2>\n");
        if (posts.Count == 0)
        {
            html.Append("<p class=\"empty\">No discussion found yet.</p>\n");
        }

        foreach (var platform in posts.GroupBy(i => i.Outlet ?? "Other", StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, Posts: g.ToList(), Count: g.Sum(p => threads.WithDescendants(p).Count())))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<div class=\"platform\">\n<h3>").Append(Html.Text(platform.Key))
                .Append(" <span class=\"n\">(").Append(platform.Count).Append(")</span>")
                .Append(SumText(export.Counts.EngagementByPlatform, platform.Key, "")).Append("</h3>\n<ul class=\"posts\">\n");
            foreach (var item in platform.Posts)
            {
                AppendPost(html, item, since, threads);
            }

            html.Append("</ul>\n</div>\n");
        }

        html.Append("</section>\n");
        AppendWaiting(html, full.Waiting);
        AppendPassages(html, export.MostQuoted);

        html.Append("</main>\n<footer><p>Generated ").Append(Html.Date(export.GeneratedAt)).Append(" by CoverageAggregator · ")
            .Append(Html.Link(EssayPath(essay.Id) + "/coverage.atom", "Atom feed")).Append(" · ")
            .Append(Html.Link(EssayPath(essay.Id) + "/coverage.json", "JSON")).Append(" · ")
            .Append(Html.Link(EssayPath(essay.Id) + "/coverage.csv", "CSV")).Append("</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Entries found through Google News whose publisher's article is not known yet: listed apart, never counted as coverage.</summary>
    private static void AppendWaiting(StringBuilder html, IReadOnlyList<ExportWaiting>? waiting)
    {
        if (waiting is not { Count: > 0 })
        {
            return;
        }

        html.Append("<section aria-labelledby=\"waiting\">\n<h2 id=\"waiting\">Waiting to be resolved</h2>\n")
            .Append("<p class=\"empty\">Found through Google News; the publisher's article is not known yet, so these are not counted as coverage.</p>\n<ul class=\"waiting\">\n");
        foreach (var entry in waiting)
        {
            html.Append("<li>").Append(Html.Link(entry.Url, entry.Title ?? entry.Url, "rel=\"nofollow noopener\""));
            if (entry.Outlet is not null)
            {
                html.Append(" · <span class=\"source\">").Append(Html.Text(entry.Outlet)).Append("</span>");
            }

            if (entry.PublishedAt is not null)
            {
                html.Append(" · ").Append(Html.Date(entry.PublishedAt));
            }

            html.Append(" · <span class=\"tries\">").Append(entry.Tries == 1 ? "1 try" : entry.Tries.ToString(CultureInfo.InvariantCulture) + " tries")
                .Append(", next ").Append(Html.Date(entry.NextTryAt)).Append("</span></li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    internal static string EssayPath(string essayId) => "/api/essays/" + Uri.EscapeDataString(essayId);

    private static void AppendHeadline(StringBuilder html, CoverageExport export, DateTimeOffset? since)
    {
        var essay = export.Essay;
        html.Append("<header class=\"essay\">\n<p class=\"label\">Coverage of</p>\n<h1>")
            .Append(Html.Link(essay.Urls.Count > 0 ? essay.Urls[0] : null, essay.Title)).Append("</h1>\n<p class=\"byline\">");
        var byline = new List<string>();
        if (essay.Author is not null)
        {
            byline.Add("by <span class=\"author\">" + Html.Text(essay.Author) + "</span>");
        }

        if (essay.Publication is not null)
        {
            byline.Add("in <span class=\"publication\">" + Html.Text(essay.Publication) + "</span>");
        }

        if (essay.PublishedAt is not null)
        {
            byline.Add(Html.Date(essay.PublishedAt));
        }

        html.Append(string.Join(" · ", byline)).Append("</p>\n<ul class=\"counts\" aria-label=\"Counts\">")
            .Append($"<li><strong>{export.Counts.Articles}</strong> articles</li>")
            .Append($"<li><strong>{export.Counts.Posts}</strong> posts</li>")
            .Append($"<li><strong>{export.Counts.Outlets}</strong> outlets</li>")
            .Append($"<li><strong>{export.Counts.Quotes}</strong> verified quotes</li>")
            .Append($"<li><strong>{(export.Counts.Engagement?.Total ?? 0).ToString("N0", CultureInfo.InvariantCulture)}</strong> engagements</li>")
            .Append("</ul>\n");
        if (since is { } s)
        {
            var fresh = export.Items.Count(i => IsNew(i, s));
            html.Append("<p class=\"since\"><span class=\"new\">New</span> ").Append(fresh).Append(fresh == 1 ? " item" : " items")
                .Append(" since ").Append(Html.Date(s)).Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void AppendFilters(StringBuilder html, CoverageExport full, CoverageFilter filter)
    {
        html.Append("<form class=\"filters\" method=\"get\" role=\"search\" aria-label=\"Filter coverage\">\n");
        AppendSelect(html, "kind", "Kind", filter.Kind, [CoverageKinds.Article, CoverageKinds.Post, CoverageKinds.Discussion]);
        AppendSelect(html, "outlet", "Outlet", filter.Outlet,
            full.Items.Select(i => i.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList());
        AppendSelect(html, "lang", "Language", filter.Language,
            full.Items.Select(i => i.Language).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList());
        AppendDate(html, "from", "From", filter.From);
        AppendDate(html, "to", "To", filter.To);
        AppendDate(html, "since", "New since", filter.Since is { } since ? DateOnly.FromDateTime(since.UtcDateTime) : null);
        html.Append("<div class=\"actions\"><button type=\"submit\">Apply</button> <a href=\"")
            .Append(Html.Href(EssayPath(full.Essay.Id) + "/coverage")).Append("\">Clear</a></div>\n</form>\n");
        if (filter.Narrows)
        {
            html.Append("<p class=\"filtered\" role=\"status\">Showing ").Append(filter.Apply(full).Items.Count).Append(" of ")
                .Append(full.Items.Count).Append(" items.</p>\n");
        }
    }

    private static void AppendSelect(StringBuilder html, string name, string label, string? selected, IReadOnlyList<string> options)
    {
        html.Append("<div class=\"field\"><label for=\"f-").Append(name).Append("\">").Append(label).Append("</label>")
            .Append("<select id=\"f-").Append(name).Append("\" name=\"").Append(name).Append("\"><option value=\"\">All</option>");
        foreach (var option in options)
        {
            html.Append("<option value=\"").Append(Html.Text(option)).Append('"')
                .Append(string.Equals(option, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "")
                .Append('>').Append(Html.Text(option)).Append("</option>");
        }

        html.Append("</select></div>\n");
    }

    private static void AppendDate(StringBuilder html, string name, string label, DateOnly? value) =>
        html.Append("<div class=\"field\"><label for=\"f-").Append(name).Append("\">").Append(label).Append("</label>")
            .Append("<input type=\"date\" id=\"f-").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"")
            .Append(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "").Append("\"></div>\n");

    private static void AppendTimeline(StringBuilder html, IReadOnlyList<ExportItem> items)
    {
        html.Append("<section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">Mentions per day</h2>\n");
        if (items.Count == 0)
        {
            html.Append("<p class=\"empty\">No mentions yet.</p>\n</section>\n");
            return;
        }

        html.Append(TimelineChart.Render(items)).Append("</section>\n");
    }

    private static void AppendArticle(StringBuilder html, ExportItem item, DateTimeOffset? since, CoverageThreads threads)
    {
        html.Append("<div class=\"item\">\n<p class=\"headline\">").Append(NewBadge(item, since))
            .Append(Html.Link(item.Url, item.Title ?? item.Url, "rel=\"nofollow noopener\""))
            .Append("</p>\n<p class=\"meta\">");
        var meta = new List<string>();
        if (item.Author is not null)
        {
            meta.Add("<span class=\"author\">" + Html.Text(item.Author) + "</span>");
        }

        if (item.PublishedAt is not null)
        {
            meta.Add(Html.Date(item.PublishedAt));
        }

        meta.Add($"<span class=\"cites\">cites by {Html.Text(item.CitesBy)}</span>");
        if (item.Via is { Count: > 0 } via)
        {
            meta.Add("<span class=\"via\">via " + Html.Text(string.Join(", ", via)) + "</span>");
        }

        html.Append(string.Join(" · ", meta)).Append("</p>\n");
        if (item.Quotes.Count > 0)
        {
            html.Append("<blockquote class=\"pull\">").Append(Html.Text(item.Quotes[0])).Append("</blockquote>\n");
        }

        AppendAlsoAt(html, item);
        AppendThread(html, threads, item, since, "threads", "Discussion of this article", 0);
        html.Append("</div>\n");
    }

    private static void AppendPost(StringBuilder html, ExportItem item, DateTimeOffset? since, CoverageThreads threads)
    {
        html.Append("<li class=\"post\">\n<p class=\"meta\">").Append(NewBadge(item, since))
            .Append("<span class=\"author\">").Append(Html.Text(item.Author ?? "unknown")).Append("</span>");
        if (item.PublishedAt is not null)
        {
            html.Append(" · ").Append(Html.Date(item.PublishedAt));
        }

        html.Append(EngagementSpan(item)).Append(" · <span class=\"cites\">cites by ").Append(Html.Text(item.CitesBy)).Append("</span></p>\n");
        if (item.Title is not null)
        {
            html.Append("<p class=\"headline\">").Append(Html.Link(item.Url, Shorten(item.Title, 300), "rel=\"nofollow noopener\"")).Append("</p>\n");
        }

        var text = item.Quotes.Count > 0 ? item.Quotes[0] : item.Excerpt;
        if (text is not null)
        {
            html.Append(item.Quotes.Count > 0 ? "<blockquote class=\"pull\">" : "<p class=\"excerpt\">")
                .Append(Html.Text(Shorten(text, 400)))
                .Append(item.Quotes.Count > 0 ? "</blockquote>\n" : "</p>\n");
        }

        html.Append("<p class=\"permalink\">").Append(Html.Link(item.Url, "Permalink", "rel=\"nofollow noopener\"")).Append("</p>\n");
        AppendAlsoAt(html, item);
        AppendThread(html, threads, item, since, "threads replies", "Replies, quotes and comments", 0);
        html.Append("</li>\n");
    }

    /// <summary>
    /// What is shown under an item: posts and discussions about an article, replies, quotes and comments of a post or
    /// discussion, each with its own below it (a few levels deep; deeper ones are listed flat at the last level).
    /// </summary>
    private static void AppendThread(StringBuilder html, CoverageThreads threads, ExportItem parent, DateTimeOffset? since, string css, string label, int depth)
    {
        var below = depth < MaxThreadDepth ? threads.Below(parent) : threads.WithDescendants(parent).Skip(1).ToList();
        if (below.Count == 0)
        {
            return;
        }

        html.Append("<ul class=\"").Append(css).Append("\" aria-label=\"").Append(label).Append("\">\n");
        foreach (var thread in below)
        {
            html.Append("<li>").Append(NewBadge(thread, since)).Append(Html.Link(thread.Url, thread.Outlet ?? "Discussion", "rel=\"nofollow noopener\""))
                .Append(" · <span class=\"author\">").Append(Html.Text(thread.Author ?? "unknown")).Append("</span>")
                .Append(EngagementSpan(thread));
            if ((thread.Quotes.Count > 0 ? thread.Quotes[0] : thread.Excerpt ?? thread.Title) is { } text)
            {
                html.Append(": <span class=\"excerpt\">").Append(Html.Text(Shorten(text, 200))).Append("</span>");
            }

            if (depth < MaxThreadDepth)
            {
                AppendThread(html, threads, thread, since, "threads replies", "Replies, quotes and comments", depth + 1);
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string EngagementSpan(ExportItem item) =>
        EngagementText.Html(item.Engagement, item.Kind) is { } text ? " · <span class=\"engagement\">" + text + "</span>" : "";

    /// <summary>A heading's engagement sum (" · 12 likes · 3 reposts"), or nothing.</summary>
    private static string SumText(IReadOnlyList<EngagementSum> sums, string name, string prefix) =>
        sums.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { } sum
            && EngagementText.Html(sum.AsEngagement()) is { } text
            ? " <span class=\"sum\">· " + Html.Text(prefix) + text + "</span>"
            : "";

    private static void AppendAlsoAt(StringBuilder html, ExportItem item)
    {
        var links = item.AlsoAt.Where(u => Html.Href(u) is not null).Take(5).ToList();
        if (links.Count > 0)
        {
            html.Append("<p class=\"also\">Also at: ")
                .Append(string.Join(", ", links.Select(u => Html.Link(u, Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : u, "rel=\"nofollow noopener\""))))
                .Append("</p>\n");
        }
    }

    private static void AppendPassages(StringBuilder html, IReadOnlyList<QuotedPassage> passages)
    {
        html.Append("<section aria-labelledby=\"quoted\">\n<h2 id=\"quoted\">Most-quoted passages</h2>\n");
        if (passages.Count == 0)
        {
            html.Append("<p class=\"empty\">No verified quotes yet.</p>\n</section>\n");
            return;
        }

        html.Append("<ol class=\"passages\">\n");
        foreach (var passage in passages.Take(20))
        {
            html.Append("<li><blockquote>").Append(Html.Text(passage.Text)).Append("</blockquote><p class=\"count\">quoted by ")
                .Append(passage.Count).Append(passage.Count == 1 ? " item" : " items").Append("</p></li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    internal static bool IsNew(ExportItem item, DateTimeOffset since) => item.FirstSeenAt > since;

    private static string NewBadge(ExportItem item, DateTimeOffset? since) =>
        since is { } s && IsNew(item, s) ? "<span class=\"new\">New</span> " : "";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
