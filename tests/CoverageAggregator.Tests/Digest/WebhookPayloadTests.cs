using CoverageAggregator.Digest;

namespace CoverageAggregator.Tests.Digest;

public class WebhookPayloadTests
{
    private static readonly OutboundMessage Message = new("digest:e:2026-03-10", "digest", "e", "3 new items about <b>", "<p>html</p>", "a <@channel> & b", "https://coverage.example/api/essays/e/coverage");

    [Fact]
    public void SlackTextIsEscapedSoNothingBecomesAMentionOrLink()
    {
        var payload = WebhookChannel.Slack(Message);

        Assert.Equal("3 new items about &lt;b&gt;", (string?)payload["text"]);
        Assert.Equal("header", (string?)payload["blocks"]![0]!["type"]);
        Assert.Equal("a &lt;@channel&gt; &amp; b", (string?)payload["blocks"]![1]!["text"]!["text"]);
        Assert.Equal("<https://coverage.example/api/essays/e/coverage|Open the coverage page>", (string?)payload["blocks"]![2]!["text"]!["text"]);
    }

    [Fact]
    public void TeamsGetsAMessageWithOneAdaptiveCard()
    {
        var payload = WebhookChannel.Teams(Message);

        Assert.Equal("message", (string?)payload["type"]);
        var attachment = payload["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Equal("Action.OpenUrl", (string?)attachment["content"]!["actions"]![0]!["type"]);
    }
}
