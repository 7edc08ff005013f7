using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CoverageAggregator.Sources.Social;

/// <summary>
/// Reads the HTML of a post (Mastodon content, Hacker News comment_text): plain text with paragraph and line breaks kept,
/// the links it makes, and its blockquotes. Mention and hashtag links (class mention/hashtag, rel=tag) are not links to
/// content, so they are left out.
/// </summary>
internal static class SocialHtml
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static (string Text, IReadOnlyList<string> Links, IReadOnlyList<string> BlockQuotes) Read(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return ("", [], []);
        }

        using var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        foreach (var node in body.QuerySelectorAll("script,style,template,iframe").ToList())
        {
            node.Remove();
        }

        var links = body.QuerySelectorAll("a[href]")
            .Where(a => !IsTagOrMention(a))
            .Select(a => a.GetAttribute("href"))
            .Where(h => Uri.TryCreate(h, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var quotes = body.QuerySelectorAll("blockquote").Select(b => Collapse(b.TextContent)).Where(q => q.Length > 0).ToList();
        var text = new StringBuilder();
        Append(body, text);
        var paragraphs = text.ToString().Split('\n').Select(Collapse).Where(line => line.Length > 0);
        return (string.Join("\n", paragraphs), links, quotes);
    }

    private static bool IsTagOrMention(IElement a) =>
        a.ClassList.Contains("mention") || a.ClassList.Contains("hashtag") || a.ClassList.Contains("u-url")
        || (a.GetAttribute("rel") ?? "").Split(' ').Contains("tag", StringComparer.OrdinalIgnoreCase);

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "p" or "div" or "li" or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4" } block:
                    text.Append('\n');
                    Append(block, text);
                    text.Append('\n');
                    break;
                default:
                    Append(child, text);
                    break;
            }
        }
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
}
