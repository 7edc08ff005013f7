using CoverageAggregator.Feeds;
using CoverageAggregator.Matching;
using CoverageAggregator.Publishing;
using CoverageAggregator.Resolving;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Collection;

/// <summary>
/// Google News entries kept pending because their link does not lead to the publisher's article yet: they are not
/// coverage, but an essay's page lists them apart ("Waiting to be resolved", with the Google News link and the outlet)
/// until they are resolved or their tries run out, so nothing waits unseen. An entry is listed for each essay its title
/// or summary may concern (<see cref="CitationMatcher.MayConcern(EssayProfile, string)"/>), or for the essay when only
/// one is tracked (a search feed for it).
/// </summary>
public sealed class WaitingEntries(WaitingEntryStore store, SeenEntryStore seen)
{
    /// <summary>The essays whose pages list a pending entry: none unless its link is a Google News link.</summary>
    public static IEnumerable<string> EssaysOf(FeedEntry entry, IReadOnlyList<EssayProfile> essays)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(essays);
        if (!GoogleNewsLinks.IsGoogleNews(entry.Link))
        {
            return [];
        }

        if (essays.Count == 1)
        {
            return [essays[0].Essay.Id];
        }

        var text = entry.Title + "\n" + ArticleParser.ReadFragment(entry.SummaryHtml ?? entry.ContentHtml, new Uri(entry.Link!)).Text;
        return essays.Where(e => CitationMatcher.MayConcern(e, text)).Select(e => e.Essay.Id).ToList();
    }

    /// <summary>Records the run's pending entries that wait for their Google News link, on the pages of the essays they may concern.</summary>
    public async Task RecordAsync(string sourceId, IReadOnlyList<PendingEntry> pending, IReadOnlyList<EssayProfile> essays, CancellationToken cancellationToken)
    {
        foreach (var essay in pending.SelectMany(p => EssaysOf(p.Entry, essays).Select(id => (EssayId: id, p.Entry.Id))).GroupBy(e => e.EssayId, StringComparer.Ordinal))
        {
            await store.AddAsync(essay.Key, essay.Select(e => (sourceId, e.Id)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The entries an essay's page lists, newest first; those judged since (resolved, or out of tries) are forgotten.</summary>
    public async Task<IReadOnlyList<ExportWaiting>> ListAsync(string essayId, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(essayId, cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(rows.Select(async r => (Row: r, Pending: await seen.FindPendingAsync(r.SourceId, r.EntryId, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        foreach (var (row, _) in found.Where(f => f.Pending is null))
        {
            await store.ForgetAsync(essayId, row.SourceId, row.EntryId, cancellationToken).ConfigureAwait(false);
        }

        return found.Select(f => f.Pending).OfType<PendingEntry>()
            .Select(p => new ExportWaiting(
                p.Entry.Link!, p.Entry.SourceName, p.Entry.Title is { } title ? GoogleNewsLinks.TitleWithoutSource(title, p.Entry.SourceName) : null,
                p.Entry.PublishedAt, p.Tries, p.NextTryAt))
            .DistinctBy(w => w.Url)
            .OrderByDescending(w => w.PublishedAt).ThenBy(w => w.Url, StringComparer.Ordinal)
            .ToList();
    }
}
