using System.Text.RegularExpressions;

namespace CoverageAggregator.Matching;

/// <summary>Finds quoted spans in text: “…”, "…", „…“ (and „…”), «…», ‹…›, ‘…’, 「…」, 『…』, blockquotes and markdown "&gt; " lines.</summary>
public static partial class QuoteExtractor
{
    public const int MinimumWords = 4;

    public static IReadOnlyList<string> Extract(string text, IEnumerable<string>? blockQuotes = null)
    {
        var spans = new List<string>();
        foreach (var pattern in new[] { CurlyDouble(), StraightDouble(), LowHigh(), Guillemets(), SingleGuillemets(), CurlySingle(), CornerBrackets() })
        {
            spans.AddRange(pattern.Matches(text).Select(m => m.Groups[1].Value));
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

    [GeneratedRegex("“([^”“]{8,1500})”")]
    private static partial Regex CurlyDouble();

    [GeneratedRegex("\"([^\"]{8,1500})\"")]
    private static partial Regex StraightDouble();

    [GeneratedRegex("„([^“”„]{8,1500})[“”]")]
    private static partial Regex LowHigh();

    [GeneratedRegex("«\\s?([^»«]{8,1500})\\s?»")]
    private static partial Regex Guillemets();

    [GeneratedRegex("‹\\s?([^›‹]{8,1500})\\s?›")]
    private static partial Regex SingleGuillemets();

    [GeneratedRegex("[「『]([^「」『』]{4,1500})[」』]")]
    private static partial Regex CornerBrackets();

    // Single curly quotes double as apostrophes: require the opening one at a word start and the closing one at a word end.
    [GeneratedRegex("(?<![\\w])‘([^‘’]{8,800}?)’(?![\\w])")]
    private static partial Regex CurlySingle();

    [GeneratedRegex("(?m)^\\s*&?g?t?;?>\\s?(.{8,1500})$")]
    private static partial Regex MarkdownQuote();
}
