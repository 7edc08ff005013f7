using CoverageAggregator.Alerts;
using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Storage;

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
