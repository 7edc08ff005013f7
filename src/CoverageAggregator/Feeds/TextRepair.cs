using System.Text;

namespace CoverageAggregator.Feeds;

/// <summary>
/// Two repairs of decoded feed text that feed readers have long made: UTF-8 that was read as ISO-8859-1 and encoded
/// again ("Ã©" for "é", "&amp;#226;&amp;#128;&amp;#166;" for "…"), and C1 control characters that are really Windows-1252
/// punctuation (U+0092 for "’"), as HTML5 maps them.
/// </summary>
public static class TextRepair
{
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasLatin = false;
        var hasC1 = false;
        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                return hasC1 ? MapC1(text) : text;
            }

            hasLatin |= c >= '\u0080';
            hasC1 |= c is >= '\u0080' and <= '\u009F';
        }

        if (!hasLatin)
        {
            return text;
        }

        // Every character fits a byte: if those bytes are valid UTF-8 with multi-byte sequences, the text was double-encoded.
        var bytes = Encoding.Latin1.GetBytes(text);
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return hasC1 ? MapC1(text) : text;
    }

    private static string MapC1(string text)
    {
        var windows1252 = Encoding.GetEncoding(1252);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '\u0080' and <= '\u009F' ? windows1252.GetString([(byte)c])[0] : c);
        }

        return builder.ToString();
    }
}
