namespace CoverageAggregator.Digest;

/// <summary>One way out (email, a Slack or Teams webhook). Sending throws on failure; the dispatcher records it and retries.</summary>
public interface IDeliveryChannel
{
    /// <summary>The channel's stable name, stored with each outbox row ("email", "webhook:NAME").</summary>
    IEnumerable<string> Names { get; }

    Task SendAsync(string name, OutboundMessage message, CancellationToken cancellationToken);
}
