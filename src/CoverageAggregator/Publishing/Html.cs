using System.Text.Encodings.Web;

namespace CoverageAggregator.Publishing;

/// <summary>HTML encoding helpers: every text is encoded, every link is http(s), a site-relative path, or nothing.</summary>
internal static class Html
{
    public static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>An encoded attribute value for a link, or null when the URL is not http(s).</summary>
    public static string? Href(string? url) =>
        url is ['/', not '/', ..] ? HtmlEncoder.Default.Encode(url)
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? HtmlEncoder.Default.Encode(uri.AbsoluteUri)
            : null;

    public static string Link(string? url, string? text, string? attributes = null)
    {
        var href = Href(url);
        var label = Text(string.IsNullOrWhiteSpace(text) ? url : text);
        return href is null ? label : $"<a href=\"{href}\"{(attributes is null ? "" : " " + attributes)}>{label}</a>";
    }

    public static string Date(DateTimeOffset? date) =>
        date is { } d ? $"<time datetime=\"{d.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{d.UtcDateTime:d MMM yyyy}</time>" : "";
}
