using CoverageAggregator.Alerts;
using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Configuration;
using CoverageAggregator.Digest;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.IntegrationTests.Digest;

public class AlertTests
{
    [Fact]
    public async Task NewCoverageFromAPriorityOutletAlertsOnceAndNeverAgain()
    {
        await using var fixture = await DeliveryFixture.StartAsync(new Dictionary<string, string?> { ["Coverage:Alerts:PriorityOutlets:0"] = "Big Paper" });
        var item = DeliveryFixture.Item("https://bigpaper.example/story", "Big Paper on the fuse", fixture.Time.GetUtcNow(), outlet: "Big Paper");
        var other = DeliveryFixture.Item("https://small.example/story", "Small blog", fixture.Time.GetUtcNow(), outlet: "Small Blog");

        await StoreAndNotifyAsync(fixture, item, other);
        await StoreAndNotifyAsync(fixture, item);

        var email = Assert.Single(fixture.Smtp.Messages);
        Assert.Contains("Big Paper", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Small blog", email.TextBody, StringComparison.Ordinal);
        Assert.Single(fixture.Webhooks.Delivered("/slack"));
        Assert.Single(fixture.Webhooks.Delivered("/teams"));
    }

    [Fact]
    public async Task APriorityPersonAlertsWhateverTheOutlet()
    {
        await using var fixture = await DeliveryFixture.StartAsync(new Dictionary<string, string?> { ["Coverage:Alerts:PriorityPeople:0"] = "Jo Columnist" });

        await StoreAndNotifyAsync(fixture, DeliveryFixture.Item("https://any.example/p", "Column", fixture.Time.GetUtcNow(), author: "jo columnist"));

        Assert.Single(fixture.Smtp.Messages);
    }

    [Fact]
    public async Task ASpikeAlertsOnceForTheItemsInTheWindowAndLaterItemsOnlyForThemselves()
    {
        await using var fixture = await DeliveryFixture.StartAsync(new Dictionary<string, string?> { ["Coverage:Alerts:SpikeCount"] = "3" });
        var now = fixture.Time.GetUtcNow();

        await StoreAndNotifyAsync(fixture, DeliveryFixture.Item("https://a.example/1", "One", now.AddMinutes(-50)), DeliveryFixture.Item("https://a.example/2", "Two", now.AddMinutes(-20)));
        var beforeSpike = fixture.Smtp.Messages.Count;
        await StoreAndNotifyAsync(fixture, DeliveryFixture.Item("https://a.example/3", "Three", now));
        await StoreAndNotifyAsync(fixture, DeliveryFixture.Item("https://a.example/3", "Three", now));
        await StoreAndNotifyAsync(fixture, DeliveryFixture.Item("https://a.example/4", "Four", now));

        Assert.Equal(0, beforeSpike);
        Assert.Equal(2, fixture.Smtp.Messages.Count);
        Assert.Contains("3 new items", fixture.Smtp.Messages[0].Subject, StringComparison.Ordinal);
        Assert.Contains("Four", fixture.Smtp.Messages[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("One", fixture.Smtp.Messages[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrashRightAfterTheClaimIsWrittenNeverLosesTheAlert()
    {
        var crash = new CrashAfterWrites();
        await using var fixture = await DeliveryFixture.StartAsync(
            new Dictionary<string, string?> { ["Coverage:Alerts:PriorityOutlets:0"] = "Big Paper" },
            services => services.AddSingleton(sp => new StorageClients(
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["COVERAGE_STORAGE"] = "UseDevelopmentStorage=true" }).Build(),
                sp.GetRequiredService<IOptions<CoverageOptions>>().Value,
                crash)));
        var item = DeliveryFixture.Item("https://bigpaper.example/story", "Big Paper on the fuse", fixture.Time.GetUtcNow(), outlet: "Big Paper");
        Assert.True(await fixture.Host.Get<CoverageStore>().UpsertAsync(item, CancellationToken.None));
        await fixture.Host.Get<Outbox>().PendingAsync(CancellationToken.None); // its table exists, as after any earlier run

        // The process dies right after the alert's first write: the claim and its outbox rows stand or fall together.
        crash.Arm(writes: 1);
        await fixture.Host.Get<AlertService>().CoverageChangedAsync(new CoverageChange(["essay-1"], [item]), CancellationToken.None);
        crash.Disarm();
        await fixture.Host.Get<AlertService>().CoverageChangedAsync(new CoverageChange(["essay-1"], [item]), CancellationToken.None);
        await fixture.Host.Get<DeliveryDispatcher>().DispatchAsync(CancellationToken.None);

        Assert.NotEmpty(fixture.Smtp.Messages);
        Assert.All(fixture.Smtp.Messages, m => Assert.Contains("Big Paper", m.Subject, StringComparison.Ordinal));
    }

    /// <summary>What the source runner does after a run: store the items, then tell the observers.</summary>
    private static async Task StoreAndNotifyAsync(DeliveryFixture fixture, params CoverageItem[] items)
    {
        var added = new List<CoverageItem>();
        foreach (var item in items)
        {
            if (await fixture.Host.Get<CoverageStore>().UpsertAsync(item, CancellationToken.None))
            {
                added.Add(item);
            }
        }

        await fixture.Host.Get<AlertService>().CoverageChangedAsync(new CoverageChange(["essay-1"], added), CancellationToken.None);
    }
}
