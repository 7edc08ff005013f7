using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Feeds;

/// <summary>
/// Bytes to text for feeds and pages, in this order: a BOM (UTF-8, UTF-16 and UTF-32 in both byte orders); the first
/// bytes of a BOM-less UTF-16/32 document ("&lt;?" in that encoding, XML 1.0 appendix F); the HTTP charset; the XML
/// declaration or HTML meta charset; UTF-8 when the bytes are valid (or mostly valid) UTF-8; else Windows-1252 (what mislabelled Latin
/// text almost always is). Labels are read as WHATWG does: ISO-8859-1 and US-ASCII mean Windows-1252, GB2312 means GB18030.
/// </summary>
public static partial class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        var (encoding, skip) = Detect(bytes, httpCharset);
        if (encoding is not null)
        {
            return encoding.GetString(bytes[skip..]);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Invalid UTF-8: mostly UTF-8 with a stray byte keeps UTF-8; no valid multi-byte sequence at all means Latin text.
        var lossy = Encoding.UTF8.GetString(bytes);
        return lossy.Any(c => c > '\u007F' && c != '\uFFFD') ? lossy : Encoding.GetEncoding(1252).GetString(bytes);
    }

    /// <summary>The encoding the bytes declare (and the BOM length to skip), or null when only UTF-8-else-1252 is left.</summary>
    public static (Encoding? Encoding, int BomLength) Detect(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (ByteOrderMark(bytes) is { } bom)
        {
            return bom;
        }

        if (Utf16Or32WithoutBom(bytes) is { } wide)
        {
            return (wide, 0);
        }

        var declared = EncodingFor(httpCharset) ?? EncodingFor(DeclaredCharset(bytes));
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
        {
            return (null, 0);
        }

        // A UTF-16/32 label on bytes that are not (no BOM, not the UTF-16/32 pattern) is a wrong label.
        return declared is UnicodeEncoding or UTF32Encoding ? (null, 0) : (declared, 0);
    }

    private static (Encoding, int)? ByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (Utf32BigEndian, 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    private static Encoding? Utf16Or32WithoutBom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => Utf32BigEndian,
        [0x3C, 0x00, 0x00, 0x00, ..] => Encoding.UTF32,
        [0x00, 0x3C, 0x00, _, ..] => Encoding.BigEndianUnicode,
        [0x3C, 0x00, _, 0x00, ..] => Encoding.Unicode,
        _ => null,
    };

    internal static Encoding? EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        name = name switch
        {
            // Per WHATWG, ISO-8859-1 and US-ASCII labels mean Windows-1252 on the web.
            "iso-8859-1" or "latin1" or "iso8859-1" or "iso_8859-1" or "l1" or "us-ascii" or "ascii" or "ansi_x3.4-1968" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            "u16" or "utf16" or "utf_16" => "utf-16",
            "utf_32" or "utf32" => "utf-32",
            "utf8" => "utf-8",
            _ => name,
        };

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = XmlDeclaration().Match(head);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
