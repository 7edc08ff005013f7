using CoverageAggregator.Feeds;

namespace CoverageAggregator.Storage;

/// <summary>
/// A feed entry whose judgement could not finish (its page did not answer, a Google News link is not decoded yet, or
/// the run's page budget ran out): kept with what the feed said of it, to be judged again from <see cref="NextTryAt"/>
/// on, whether or not the feed still lists it. <see cref="Tries"/> counts the failed attempts (a deferral is none).
/// </summary>
public sealed record PendingEntry(FeedEntry Entry, int Tries, DateTimeOffset NextTryAt, string Reason)
{
    /// <summary>Failed attempts after which the entry is judged on what the feed says, and settled.</summary>
    public const int MaxTries = 6;

    /// <summary>Not judged for want of budget: due again at the next run, no try spent.</summary>
    public static PendingEntry Deferred(FeedEntry entry, int tries, DateTimeOffset now, string reason) => new(entry, tries, now, reason);

    /// <summary>An attempt that failed: tried again after 15 minutes, doubling per try up to 12 hours.</summary>
    public static PendingEntry Failed(FeedEntry entry, int triesBefore, DateTimeOffset now, string reason) =>
        new(entry, triesBefore + 1, now + TimeSpan.FromMinutes(Math.Min(15 * Math.Pow(2, triesBefore), 12 * 60)), reason);
}
