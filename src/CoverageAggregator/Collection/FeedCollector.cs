using CoverageAggregator.Candidates;
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
/// One feed: conditional fetch, parse, and each entry not judged before goes through the <see cref="CoveragePipeline"/>
/// as a candidate (<see cref="FeedCandidates"/>). At most <see cref="CoverageOptions.MaxPagesPerSource"/> article pages
/// are read a run (<see cref="PageNeed"/>); every entry ends judged (seen) or pending, never lost.
/// </summary>
public sealed class FeedCollector(Fetcher fetcher, CoveragePipeline pipeline, SeenEntryStore seen, IOptions<CoverageOptions> options) : ISourceCollector
{
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
            var retried = new Judging(pipeline, seen, context, options.Value.MaxPagesPerSource);
            if (state.PendingEntries is not 0)
            {
                await retried.RetryPendingAsync(new HashSet<string>(), cancellationToken).ConfigureAwait(false);
                await retried.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            return retried.Into(SourceRun.From(fetch), 0, [], body: null);
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

        var already = await seen.FindSeenAsync(state, feed.Entries.Select(e => e.Id), cancellationToken).ConfigureAwait(false);
        var judging = new Judging(pipeline, seen, context, options.Value.MaxPagesPerSource);
        var fresh = feed.Entries.DistinctBy(e => e.Id).Where(e => !already.Ids.Contains(e.Id)).ToList();
        if (already.Pending.Count > 0)
        {
            await judging.RetryPendingAsync(fresh.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in fresh)
        {
            judging.Add(entry, triesBefore: 0);
        }

        await judging.RunAsync(cancellationToken).ConfigureAwait(false);
        return judging.Into(SourceRun.From(fetch), feed.Entries.Count, feed.Warnings, new Body(feed.Entries.Select(e => e.Id).ToList(), already), pendingBefore: already.Pending);
    }

    /// <summary>
    /// One run's judgements: every entry met ends judged (seen) or pending, so nothing is lost to a page that failed, a
    /// Google News link not decoded yet or the page budget running out, and the feed's validators can always advance.
    /// Entries are added in the feed's order, which alone decides what the page budget covers; then up to
    /// <see cref="PagesAtOnce"/> of them go through the pipeline at once, and their outcomes are taken in that same
    /// order, so the run's result does not depend on which page answered first.
    /// </summary>
    private sealed class Judging(CoveragePipeline pipeline, SeenEntryStore seen, SourceContext context, int pageBudget)
    {
        /// <summary>Entries of one feed in the pipeline at once (the Fetcher's per-host limit still holds their pages).</summary>
        private const int PagesAtOnce = 4;

        private readonly List<CoverageItem> _items = [];
        private readonly List<(string Id, string? Url, string Outcome)> _judged = [];
        private readonly HashSet<string> _fromRows = new(StringComparer.Ordinal);
        private readonly List<PendingEntry> _pending = [];
        private readonly List<string> _warnings = [];
        private readonly List<Work> _work = [];
        private int _pagesUsed;
        private int _deferred;

        /// <summary>The pending entries that are due, before the feed's new ones (the body's own copies are judged as new).</summary>
        public async Task RetryPendingAsync(HashSet<string> inBody, CancellationToken cancellationToken)
        {
            var due = await seen.DuePendingAsync(context.Source.Id, context.Now, Math.Max(pageBudget, 1), cancellationToken).ConfigureAwait(false);
            foreach (var pending in due.Where(p => !inBody.Contains(p.Entry.Id)))
            {
                _fromRows.Add(pending.Entry.Id);
                Add(pending.Entry, pending.Tries);
            }
        }

        /// <summary>Decides what an entry needs (<see cref="PageNeed"/>) and the page budget; the pipeline runs in <see cref="RunAsync"/>.</summary>
        public void Add(FeedEntry entry, int triesBefore)
        {
            var candidate = FeedCandidates.Of(entry, context.Source.Name);
            var mayCite = PageNeed.MayCite(candidate, context.Essays);
            var words = new SplitText(candidate.Title + "\n" + candidate.Text);
            var wantsPage = PageNeed.WantsPage(candidate, words, context.Essays, mayCite);
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

            // A page read for a summary alone (nothing in the entry could cite) is scanned before it is parsed.
            var read = !wantsPage ? PageRead.None : mayCite ? PageRead.Whole : PageRead.IfScanFinds;
            _work.Add(new Work(entry, triesBefore, candidate, words, read));
        }

        /// <summary>Runs the entries added through the pipeline, several at once, and takes their outcomes in the order they were added.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var outcomes = new CoveragePipeline.Outcome[_work.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, _work.Count),
                new ParallelOptions { MaxDegreeOfParallelism = PagesAtOnce, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    var work = _work[i];
                    outcomes[i] = await pipeline.RunAsync(context, work.Candidate, work.Words, work.Read, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
            for (var i = 0; i < _work.Count; i++)
            {
                var (entry, triesBefore, judgement) = (_work[i].Entry, _work[i].TriesBefore, outcomes[i]);
                if (judgement.TryLater is { } problem && triesBefore + 1 < PendingEntry.MaxTries)
                {
                    _pending.Add(PendingEntry.Failed(entry, triesBefore, context.Now, problem));
                    continue;
                }

                _items.AddRange(judgement.Items);
                _judged.Add((entry.Id, entry.Link, judgement.Items.Count > 0 ? "coverage" : "not-coverage"));
            }

            _work.Clear();
        }

        /// <param name="body">The feed's entries and what was met of them before; null when the feed was not modified.</param>
        /// <param name="pendingBefore">The ids of the source's pending entries before the run, when known: then the run
        /// counts those still pending after it (the ones not judged, and the ones it keeps), and the runner need not.</param>
        public SourceRun Into(SourceRun run, int entries, IReadOnlyList<string> feedWarnings, Body? body, IReadOnlySet<string>? pendingBefore = null)
        {
            if (_deferred > 0)
            {
                _warnings.Add($"more than {pageBudget} articles to read; {_deferred} wait for the next run");
            }

            var (known, rows) = Remember(body);
            return run with
            {
                Entries = entries, Items = _items, Judged = _judged.Count, Known = known, Seen = rows, Pending = _pending, Warnings = [.. feedWarnings, .. _warnings],
                PendingEntries = pendingBefore?.Except(_judged.Select(j => j.Id)).Union(_pending.Select(p => p.Entry.Id)).Count(),
            };
        }

        /// <summary>
        /// Where the judged entries are remembered: the set holds those of the feed's body (met before and not pending, or
        /// judged now), in the feed's order; rows settle the entries that were pending and keep those the set has no room for.
        /// Without a body, the (pending) entries judged now join the stored set, so a later body does not judge them again
        /// (a state from before the set keeps using rows).
        /// </summary>
        private (SeenSet? Known, List<(string, string?, string)> Rows) Remember(Body? body)
        {
            var judgedNow = _judged.DistinctBy(j => j.Id, StringComparer.Ordinal).ToDictionary(j => j.Id, StringComparer.Ordinal);
            var rows = _judged.Where(j => _fromRows.Contains(j.Id)).Select(j => (j.Id, j.Url, j.Outcome)).ToList();
            if (body is null)
            {
                if (context.State.SeenEntries is null || _judged.Count == 0)
                {
                    return (null, rows);
                }

                // Only pending entries are judged then, and their rows are settled: one the full set has no room for is found there.
                var grown = SeenSet.Read(context.State.SeenEntries);
                foreach (var judged in _judged)
                {
                    grown.Add(judged.Id);
                }

                return (grown, rows);
            }

            // No room in the set: kept as a row, as entries were before the set; one that only the stored set held moves to a row.
            var stored = body.Before.Stored;
            var known = SeenSet.Empty;
            foreach (var id in body.EntryIds.Distinct(StringComparer.Ordinal))
            {
                var metBefore = body.Before.Ids.Contains(id) && !body.Before.Pending.Contains(id);
                var isJudged = judgedNow.TryGetValue(id, out var judged);
                if ((metBefore || isJudged) && !known.Add(id) && !_fromRows.Contains(id) && (isJudged || stored.Contains(id)))
                {
                    rows.Add(isJudged ? judged : (id, null, SeenEntryStore.JudgedOutcome));
                }
            }

            return (known, rows);
        }
    }

    /// <summary>A feed body's entry ids, in its order, and what was met of them before.</summary>
    private sealed record Body(IReadOnlyList<string> EntryIds, SeenEntryStore.SeenEntries Before);

    /// <summary>An entry on its way through the pipeline: what was decided for it before.</summary>
    private sealed record Work(FeedEntry Entry, int TriesBefore, Candidate Candidate, SplitText Words, PageRead Read);
}
