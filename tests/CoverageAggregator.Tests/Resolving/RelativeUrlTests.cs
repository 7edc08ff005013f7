using CoverageAggregator.Resolving;

namespace CoverageAggregator.Tests.Resolving;

/// <summary>Relative URLs of an article page resolve against the page's URL, or its &lt;base href&gt; when it has one.</summary>
public class RelativeUrlTests
{
    private static readonly Uri PageUrl = new("https://notes.example/course/2028/lecture-12.html");

    private static string Page(string head, string lang = "en") => $$"""
        <!DOCTYPE html><html lang="{{lang}}"><head><meta charset="utf-8"><title>Lecture 12</title>{{head}}<link rel="canonical" href="lecture-12.html"></head>
        <body><article><h1>Lecture 12</h1>
        <p>Read <a href="essays/import-ai-455/">the essay</a> first, then <a href="../2027/lecture-11.html">last year's lecture</a>, and the <a href="/syllabus">syllabus</a>.</p>
        <p>We will go through the benchmarks one by one, and ask which of them still measure anything two years on. Bring one benchmark that has been saturated since.</p>
        </article></body></html>
        """;

    [Theory]
    [InlineData("", "https://notes.example/course/2028/", "https://notes.example/course/2027/", "https://notes.example/")]
    [InlineData("<base href=\"https://mirror.example/archive/2028/\">", "https://mirror.example/archive/2028/", "https://mirror.example/archive/2027/", "https://mirror.example/")]
    public void RelativeLinksResolveAgainstThePageUrlOrItsBaseHref(string head, string here, string up, string root)
    {
        var page = ArticleParser.Parse(Page(head), PageUrl);
        Assert.Contains(here + "essays/import-ai-455/", page.Links);
        Assert.Contains(up + "lecture-11.html", page.Links);
        Assert.Contains(root + "syllabus", page.Links);
        Assert.Equal(here + "lecture-12.html", page.CanonicalUrl);
    }

    [Fact]
    public void ARelativeBaseHrefIsItselfResolvedAgainstThePageUrl()
    {
        var page = ArticleParser.Parse(Page("<base href=\"/archive/\">"), PageUrl);
        Assert.Contains("https://notes.example/archive/essays/import-ai-455/", page.Links);
    }

    [Theory]
    [InlineData("zh-CN", "请先阅读<a href=\"essays/import-ai-455/\">这篇长文</a>，再看<a href=\"../2027/lecture-11.html\">去年的讲义</a>。")]
    [InlineData("ja", "まず<a href=\"essays/import-ai-455/\">このエッセイ</a>を読み、<a href=\"../2027/lecture-11.html\">昨年の講義</a>も見ておくこと。")]
    public void RelativeLinksResolveInPagesOfAnyLanguage(string lang, string paragraph)
    {
        var html = $$"""
            <!DOCTYPE html><html lang="{{lang}}"><head><meta charset="utf-8"><title>第12讲</title></head>
            <body><article><h1>第12讲</h1><p>{{paragraph}}</p><p>{{paragraph}}</p></article></body></html>
            """;
        var page = ArticleParser.Parse(html, PageUrl);
        Assert.Contains("https://notes.example/course/2028/essays/import-ai-455/", page.Links);
        Assert.Contains("https://notes.example/course/2027/lecture-11.html", page.Links);
    }
}
