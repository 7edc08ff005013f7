using Microsoft.Extensions.Logging;

namespace CoverageAggregator.Digest;

/// <summary>Queues a message on every configured channel and sends what is pending; failures stay pending for the next run.</summary>
public sealed class DeliveryDispatcher(Outbox outbox, IEnumerable<IDeliveryChannel> channels, TimeProvider time, ILogger<DeliveryDispatcher> logger)
{
    public IReadOnlyList<string> ChannelNames => channels.SelectMany(c => c.Names).ToList();

    public Task EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        outbox.AddAsync(message, ChannelNames, time.GetUtcNow(), cancellationToken);

    /// <summary>Items one alert may claim: its claims and its rows (one per channel) go in one transaction.</summary>
    public int MaxClaimsPerMessage => Math.Max(1, Storage.TableHandle.MaxBatch - ChannelNames.Count);

    /// <summary>Queues the message and claims <paramref name="claims"/> at once; false when one was claimed before (nothing written).</summary>
    public Task<bool> EnqueueClaimingAsync(OutboundMessage message, IReadOnlyCollection<string> claims, CancellationToken cancellationToken) =>
        outbox.AddClaimingAsync(message, ChannelNames, claims, time.GetUtcNow(), cancellationToken);

    /// <summary>How long a sender holds a row it is sending: longer than any send takes (the channels time out well before).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sends every pending row once; answers (sent, failed). Each row is leased first (<see cref="Outbox.TryLeaseAsync"/>),
    /// so two dispatchers at once (two instances, a timer and the admin route) never send one message twice.
    /// </summary>
    public async Task<(int Sent, int Failed)> DispatchAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        foreach (var entry in await outbox.PendingAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            if (entry.LeasedUntil > now || !await outbox.TryLeaseAsync(entry, now + Lease, cancellationToken).ConfigureAwait(false))
            {
                continue; // another sender has it
            }

            var channel = channels.FirstOrDefault(c => c.Names.Contains(entry.Channel, StringComparer.Ordinal));
            entry.Attempts++;
            entry.LeasedUntil = null;
            try
            {
                if (channel is null)
                {
                    throw new InvalidOperationException($"channel \"{entry.Channel}\" is not configured");
                }

                await channel.SendAsync(entry.Channel, entry.ToMessage(), cancellationToken).ConfigureAwait(false);
                entry.State = Outbox.Sent;
                entry.SentAt = time.GetUtcNow();
                entry.LastError = null;
                sent++;
                Log.DeliverySent(logger, entry.Kind, entry.EssayId, entry.Channel);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                entry.LastError = $"{ex.GetType().Name}: {ex.Message}";
                failed++;
                Log.DeliveryFailed(logger, entry.Kind, entry.EssayId, entry.Channel, entry.Attempts, entry.LastError);
            }

            await outbox.UpdateAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        return (sent, failed);
    }
}
