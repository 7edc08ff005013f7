namespace CoverageAggregator.Matching;

/// <summary>
/// A text split into words (<see cref="Matching.Words.Split"/>) when first read, and then never again: one entry is
/// tested against every essay, and for each several times (may it concern the essay, does it mention it, is it a roundup).
/// </summary>
public sealed class SplitText(string text)
{
    private IReadOnlyList<string>? _words;

    public string Text => text;

    public IReadOnlyList<string> Words => _words ??= Matching.Words.Split(text);

    /// <summary>A candidate's title and text, as names of the essay are looked for in them.</summary>
    public static SplitText Of(CandidateText candidate) => new(candidate.Title + "\n" + candidate.Text);
}
