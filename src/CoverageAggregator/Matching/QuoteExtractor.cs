using System.Text.RegularExpressions;

namespace CoverageAggregator.Matching;

/// <summary>
/// Finds quoted spans in text: “…”, "…", „…“ (and „…”), «…», ‹…›, ‘…’, 「…」, 『…』, blockquotes and markdown "&gt; " lines.
/// Marks are paired by one pass over each paragraph (<see cref="QuoteMarks"/>), so a short quote does not throw the
/// pairing of the ones after it off, and a quote inside a quote gives both spans.
/// </summary>
public static partial class QuoteExtractor
{
    public const int MinimumWords = 4;

    public static IReadOnlyList<string> Extract(string text, IEnumerable<string>? blockQuotes = null)
    {
        var spans = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            spans.AddRange(QuoteMarks.Spans(paragraph));
        }

        spans.AddRange(MarkdownQuote().Matches(text).Select(m => m.Groups[1].Value));
        if (blockQuotes is not null)
        {
            spans.AddRange(blockQuotes);
        }

        return spans
            .Select(s => s.Trim())
            .Where(s => Words.Count(s) >= MinimumWords)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("(?m)^\\s*&?g?t?;?>\\s?(.{8,1500})$")]
    private static partial Regex MarkdownQuote();
}
