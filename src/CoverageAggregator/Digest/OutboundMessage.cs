namespace CoverageAggregator.Digest;

/// <summary>What a channel delivers: a subject, an HTML body (email) and a plain-text body (email and chat), and the page link.</summary>
public sealed record OutboundMessage(string Id, string Kind, string EssayId, string Subject, string Html, string Text, string? Link);
