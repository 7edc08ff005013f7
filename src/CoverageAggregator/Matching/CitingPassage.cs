namespace CoverageAggregator.Matching;

/// <summary>
/// Where in a long text the essay comes up: in a multi-story newsletter issue or a roundup, the story that cites the
/// essay, not the first story, is what the excerpt should show.
/// </summary>
public static class CitingPassage
{
    /// <summary>Texts shorter than this are shown from the start: the excerpt covers the citation anyway.</summary>
    public const int LongText = 1500;

    /// <summary>The text from the first paragraph that names the essay, its author or publication, or quotes it; the whole text when none does.</summary>
    public static string Of(EssayProfile essay, string text)
    {
        if (text.Length < LongText)
        {
            return text;
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (CitationMatcher.MayConcern(essay, lines[i]) || QuoteMatcher.Match(essay, QuoteExtractor.Extract(lines[i])).Count > 0)
            {
                return i <= 1 ? text : string.Join('\n', lines[i..]);
            }
        }

        return text;
    }
}
