using CoverageAggregator.Coverage;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Matching;
using Microsoft.Extensions.Time.Testing;

namespace CoverageAggregator.IntegrationTests.Digest;

/// <summary>A host wired to a loopback SMTP sink and a webhook receiver (Slack at /slack, Teams at /teams), on a fake clock.</summary>
internal sealed class DeliveryFixture : IAsyncDisposable
{
    private const string Config = """
        {"essays":[{"id":"essay-1","title":"The Long Fuse","author":"Ada Writer","publication":"Fuse Notes",
          "urls":["https://fuse.example/p/the-long-fuse"],"keywords":["The Long Fuse"],"publishedAt":"2026-03-01T00:00:00Z"}],
         "feeds":[{"name":"Example Feed","url":"http://127.0.0.1:9/feed.xml"}]}
        """;

    private DeliveryFixture(SmtpSink smtp, WebhookReceiver webhooks, FakeTimeProvider time, TestHost host)
    {
        Smtp = smtp;
        Webhooks = webhooks;
        Time = time;
        Host = host;
    }

    public SmtpSink Smtp { get; }
    public WebhookReceiver Webhooks { get; }
    public FakeTimeProvider Time { get; }
    public TestHost Host { get; }

    public static async Task<DeliveryFixture> StartAsync(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var smtp = new SmtpSink();
        var webhooks = new WebhookReceiver();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(Path.GetTempPath(), $"digest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Config);
        var values = new Dictionary<string, string?>
        {
            ["Coverage:Digest:Time"] = "08:00",
            ["Coverage:Digest:TimeZone"] = "Europe/London",
            ["Coverage:Digest:BaseUrl"] = "https://coverage.example",
            ["Coverage:Delivery:Email:Host"] = "127.0.0.1",
            ["Coverage:Delivery:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Coverage:Delivery:Email:Security"] = "none",
            ["Coverage:Delivery:Email:From"] = "coverage@example.test",
            ["Coverage:Delivery:Email:To:0"] = "comms@example.test",
            ["Coverage:Delivery:Webhooks:0:Name"] = "slack",
            ["Coverage:Delivery:Webhooks:0:Url"] = webhooks.BaseUrl + "/slack",
            ["Coverage:Delivery:Webhooks:0:Format"] = "slack",
            ["Coverage:Delivery:Webhooks:1:Name"] = "teams",
            ["Coverage:Delivery:Webhooks:1:Url"] = webhooks.BaseUrl + "/teams",
            ["Coverage:Delivery:Webhooks:1:Format"] = "teams",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new DeliveryFixture(smtp, webhooks, time, new TestHost(path, values, time, configure));
    }

    public static CoverageItem Item(string url, string title, DateTimeOffset firstSeen, string outlet = "News Example", string? author = null) => new()
    {
        EssayId = "essay-1",
        Url = url,
        Title = title,
        Outlet = outlet,
        Author = author,
        CitesBy = CitesBy.Link,
        PublishedAt = firstSeen,
        FirstSeenAt = firstSeen,
        UpdatedAt = firstSeen,
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Webhooks.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
