using CoverageAggregator.Digest;

namespace CoverageAggregator.IntegrationTests.Digest;

/// <summary>Two senders at once, or a sender that dies mid-send: every message still goes out, and only once while a sender holds it.</summary>
public class DeliveryLeaseTests
{
    private static OutboundMessage Message(string id) => new(id, "digest", "essay-1", "Coverage of The Long Fuse", "<p>2 new items</p>", "2 new items", "https://coverage.example/");

    [Fact]
    public async Task TwoDispatchersAtOnceSendEachMessageOnce()
    {
        await using var fixture = await DeliveryFixture.StartAsync();
        fixture.Webhooks.StatusFor = (_, _) =>
        {
            Thread.Sleep(300); // the first sender is still sending when the second reads the outbox
            return 200;
        };
        var dispatcher = fixture.Host.Get<DeliveryDispatcher>();
        await dispatcher.EnqueueAsync(Message("m-1"), CancellationToken.None);

        await Task.WhenAll(dispatcher.DispatchAsync(CancellationToken.None), dispatcher.DispatchAsync(CancellationToken.None), dispatcher.DispatchAsync(CancellationToken.None));

        Assert.Single(fixture.Webhooks.Delivered("/slack"));
        Assert.Single(fixture.Webhooks.Delivered("/teams"));
        Assert.Single(fixture.Smtp.Messages);
    }

    [Fact]
    public async Task AMessageHeldByASenderThatDiedIsSentOnceTheLeaseEnds()
    {
        await using var fixture = await DeliveryFixture.StartAsync();
        var dispatcher = fixture.Host.Get<DeliveryDispatcher>();
        var outbox = fixture.Host.Get<Outbox>();
        await dispatcher.EnqueueAsync(Message("m-2"), CancellationToken.None);
        foreach (var row in await outbox.PendingAsync(CancellationToken.None))
        {
            Assert.True(await outbox.TryLeaseAsync(row, fixture.Time.GetUtcNow() + DeliveryDispatcher.Lease, CancellationToken.None)); // then the sender dies
        }

        var whileHeld = await dispatcher.DispatchAsync(CancellationToken.None);
        fixture.Time.Advance(DeliveryDispatcher.Lease + TimeSpan.FromMinutes(1));
        var afterLease = await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal((0, 0), whileHeld);
        Assert.Equal((3, 0), afterLease);
        Assert.Single(fixture.Webhooks.Delivered("/slack"));
        Assert.Empty(await outbox.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ARowReadBeforeAnotherSenderTookItCannotBeTaken()
    {
        await using var fixture = await DeliveryFixture.StartAsync();
        var outbox = fixture.Host.Get<Outbox>();
        await fixture.Host.Get<DeliveryDispatcher>().EnqueueAsync(Message("m-3"), CancellationToken.None);
        var mine = (await outbox.PendingAsync(CancellationToken.None)).OrderBy(r => r.RowKey, StringComparer.Ordinal).First();
        var theirs = (await outbox.PendingAsync(CancellationToken.None)).OrderBy(r => r.RowKey, StringComparer.Ordinal).First();
        var until = fixture.Time.GetUtcNow() + DeliveryDispatcher.Lease;

        Assert.True(await outbox.TryLeaseAsync(theirs, until, CancellationToken.None));
        Assert.False(await outbox.TryLeaseAsync(mine, until, CancellationToken.None));
    }
}
