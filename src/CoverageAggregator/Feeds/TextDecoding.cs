using System.Text;
using System.Text.RegularExpressions;

namespace CoverageAggregator.Feeds;

/// <summary>
/// Bytes to text for feeds and pages: a BOM wins, then the HTTP charset, then the XML declaration or HTML meta charset,
/// then UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what mislabelled Latin text almost always is).
/// </summary>
public static partial class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var declared = EncodingFor(httpCharset) ?? EncodingFor(DeclaredCharset(bytes));
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return declared is null ? Encoding.GetEncoding(1252).GetString(bytes) : Encoding.UTF8.GetString(bytes);
        }
    }

    internal static Encoding? EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();

        // Per WHATWG, ISO-8859-1 and US-ASCII labels mean Windows-1252 on the web.
        if (name is "iso-8859-1" or "latin1" or "iso8859-1" or "us-ascii" or "ascii")
        {
            name = "windows-1252";
        }

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
