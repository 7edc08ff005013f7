namespace CoverageAggregator.Matching;

/// <summary>
/// Pairs the quotation marks of one paragraph, in every style at once: “…” ‘…’ „…“ „…” «…» ‹…› 「…」 『…』 and straight
/// "…". Open marks wait on a stack; a closing mark closes the innermost open mark it belongs to (and drops any left open
/// inside it), so nested and mixed quotes each give their span. A straight " closes an open straight " and otherwise
/// opens one. ‘ and ’ double as apostrophes: ‘ opens only at a word start and ’ closes only at a word end.
/// </summary>
internal static class QuoteMarks
{
    /// <summary>Spans longer than this are not a quote but a mark left unpaired.</summary>
    private const int MaxLength = 1500;

    public static IEnumerable<string> Spans(string paragraph)
    {
        var open = new List<(char Mark, int At)>();
        var spans = new List<string>();
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            var closes = ClosingIndex(open, c, paragraph, i);
            if (closes >= 0)
            {
                var start = open[closes].At + 1;
                if (i - start is > 0 and <= MaxLength)
                {
                    spans.Add(paragraph[start..i]);
                }

                open.RemoveRange(closes, open.Count - closes);
            }
            else if (Opens(c, paragraph, i))
            {
                open.Add((c, i));
            }
        }

        return spans;
    }

    /// <summary>Where in the stack the open mark that <paramref name="c"/> closes is; -1 when it closes none.</summary>
    private static int ClosingIndex(List<(char Mark, int At)> open, char c, string text, int i)
    {
        if (c == '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
        {
            return -1; // an apostrophe: it’s, rock’n’roll
        }

        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (Closes(open[k].Mark, c))
            {
                return k;
            }
        }

        return -1;
    }

    private static bool Closes(char opening, char c) => opening switch
    {
        '“' => c == '”',
        '„' => c is '“' or '”',
        '«' => c == '»',
        '‹' => c == '›',
        '‘' => c == '’',
        '「' => c == '」',
        '『' => c == '』',
        '"' => c == '"',
        _ => false,
    };

    private static bool Opens(char c, string text, int i) => c switch
    {
        '“' or '„' or '«' or '‹' or '「' or '『' or '"' => true,
        '‘' => i == 0 || !char.IsLetterOrDigit(text[i - 1]),
        _ => false,
    };
}
