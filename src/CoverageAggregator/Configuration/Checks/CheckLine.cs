namespace CoverageAggregator.Configuration.Checks;

public enum CheckStatus
{
    Ok,
    Warning,
    Missing,
    Failed,
}

/// <summary>One line of `coverage doctor`: what was checked, what it found, and what to do when it is not ok.</summary>
public sealed record CheckLine(CheckStatus Status, string Subject, string Detail, string? Fix = null)
{
    public bool IsProblem => Status is CheckStatus.Missing or CheckStatus.Failed;

    public override string ToString() =>
        $"{Label,-7} {Subject}: {Detail}" + (Fix is null ? "" : " -> " + Fix);

    private string Label => Status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "warn",
        CheckStatus.Missing => "MISSING",
        _ => "FAILED",
    };
}
