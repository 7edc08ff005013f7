namespace CoverageAggregator.Matching;

public enum CitesBy
{
    Link,
    Quote,
    Mention,
}

/// <summary>How an item cites an essay: the strongest form found, and the essay sentences it quotes.</summary>
public sealed record Citation(CitesBy By, IReadOnlyList<string> Quotes);
