using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Digest;

/// <summary>Chat webhooks: Slack's incoming-webhook JSON ({text, blocks}) or a Teams workflow message carrying an Adaptive Card.</summary>
public sealed class WebhookChannel(IHttpClientFactory clients, IOptions<DeliveryOptions> options) : IDeliveryChannel
{
    public const string ClientName = "webhooks";
    private const string Prefix = "webhook:";

    public IEnumerable<string> Names => options.Value.Webhooks.Select(w => Prefix + w.Name);

    public async Task SendAsync(string name, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(message);
        var hook = options.Value.Webhooks.FirstOrDefault(w => Prefix + w.Name == name)
            ?? throw new InvalidOperationException($"webhook \"{name}\" is no longer configured");
        var payload = hook.Format == "teams" ? Teams(message) : Slack(message);
        var client = clients.CreateClient(ClientName);
        using var response = await client.PostAsJsonAsync(new Uri(hook.Url), payload, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"webhook {hook.Name} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; are escaped so no text becomes a link or mention; the page is one link.</summary>
    internal static JsonObject Slack(OutboundMessage message)
    {
        var text = SlackEscape(message.Text);
        if (text.Length > 2900)
        {
            text = text[..2900] + "…";
        }

        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(message.Subject, 150) } },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } },
        };
        if (message.Link is not null)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"<{message.Link}|Open the coverage page>" } });
        }

        return new JsonObject { ["text"] = SlackEscape(message.Subject), ["blocks"] = blocks };
    }

    /// <summary>The Teams workflow ("Post to a channel when a webhook request is received") message shape with one Adaptive Card.</summary>
    internal static JsonObject Teams(OutboundMessage message)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Subject, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = Cut(message.Text, 20_000), ["wrap"] = true },
        };
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (message.Link is not null)
        {
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the coverage page", ["url"] = message.Link } };
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card } },
        };
    }

    private static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
