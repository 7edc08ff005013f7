using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Matching;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://Example.COM/Path", "https://example.com/Path")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("https://example.com/a#section", "https://example.com/a")]
    [InlineData("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a")]
    [InlineData("https://example.com/a?id=7&utm_campaign=x", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a?fbclid=abc", "https://example.com/a")]
    [InlineData("https://example.com/a?gclid=abc&p=2", "https://example.com/a?p=2")]
    [InlineData("https://example.com/a?mc_eid=1&mc_cid=2", "https://example.com/a")]
    [InlineData("https://news.substack.com/p/post?r=2f9k1", "https://news.substack.com/p/post")]
    [InlineData("https://x.com/user/status/1?s=20&t=abc", "https://x.com/user/status/1")]
    [InlineData("https://example.com/a?ref_src=twsrc", "https://example.com/a")]
    [InlineData("https://example.com/a?ref=hn", "https://example.com/a")]
    [InlineData("https://example.com/2026/10/story/amp/", "https://example.com/2026/10/story/")]
    [InlineData("https://example.com/2026/10/story/amp", "https://example.com/2026/10/story")]
    [InlineData("https://example.com/story?amp=1", "https://example.com/story")]
    [InlineData("https://example.com/story.amp.html", "https://example.com/story.html")]
    [InlineData("https://example-com.cdn.ampproject.org/c/s/example.com/story/", "https://example.com/story/")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/?p=48213", "https://example.com/?p=48213")]
    [InlineData("https://example.com/article.php?id=2291&ref=rss", "https://example.com/article.php?id=2291")]
    [InlineData("https://example.com/a?UTM_SOURCE=x&Utm_Medium=y", "https://example.com/a")]
    [InlineData("https://example.com/a?at_medium=rss&at_campaign=feed", "https://example.com/a")]
    [InlineData("https://example.com/a?ns_source=twitter&ns_mchannel=social", "https://example.com/a")]
    [InlineData("https://example.com/a?CMP=share_btn_tw", "https://example.com/a")]
    [InlineData("https://example.com/a?smid=tw-share&smtyp=cur", "https://example.com/a")]
    [InlineData("https://example.com/a?igshid=abc", "https://example.com/a")]
    [InlineData("https://example.com/a?msclkid=1&ttclid=2&twclid=3", "https://example.com/a")]
    [InlineData("https://example.com/a?_hsenc=p2&_hsmi=9", "https://example.com/a")]
    [InlineData("https://example.com/a?mkt_tok=xyz", "https://example.com/a")]
    [InlineData("https://example.com/a?ocid=msn&ncid=yahoo", "https://example.com/a")]
    [InlineData("https://example.com/a?page=2&utm_source=x", "https://example.com/a?page=2")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a#:~:text=quoted%20words", "https://example.com/a")]
    [InlineData("https://Example.com./a", "https://example.com/a")]
    [InlineData("https://www.google.com/url?rct=j&sa=t&url=https://example.com/story%3Futm_source%3Dalert&ct=ga", "https://example.com/story")]
    [InlineData("https://www.google.com/url?q=https://example.com/story&sa=D", "https://example.com/story")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fstory%3Ffbclid%3Dx&h=AT0", "https://example.com/story")]
    [InlineData("https://www.google.com/amp/s/example.com/story/amp/", "https://example.com/story/")]
    [InlineData("https://example.com/story?outputType=amp", "https://example.com/story")]
    [InlineData("https://example.com/amp/story", "https://example.com/story")]
    [InlineData("https://example.com/story?usqp=mq331AQ&amp_js_v=0.1", "https://example.com/story")]
    public void CanonicalizeCleansTrackingAndForm(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:a@example.com")]
    [InlineData("not a url")]
    [InlineData("")]
    public void CanonicalizeRejectsNonHttpUrls(string input) => Assert.Null(UrlCanonicalizer.Canonicalize(input));

    [Theory]
    [InlineData("https://www.example.com/a/", "http://example.com/a")]
    [InlineData("https://m.example.com/a", "https://example.com/a")]
    [InlineData("https://mobile.example.com/a", "https://www.example.com/a/")]
    [InlineData("https://example.com/a/index.html", "https://example.com/a")]
    [InlineData("https://example.com/a/amp/?utm_source=x#frag", "https://example.com/a")]
    [InlineData("https://amp.example.com/a", "https://example.com/a")]
    [InlineData("https://example.com/a?x=1&y=2", "https://example.com/a?y=2&x=1")]
    [InlineData("https://example-com.cdn.ampproject.org/v/s/example.com/a?amp_js_v=0.1", "https://example.com/a")]
    public void KeyTreatsVariantsOfOnePageAsEqual(string a, string b) =>
        Assert.Equal(UrlCanonicalizer.Key(a), UrlCanonicalizer.Key(b));

    [Theory]
    [InlineData("https://example.com/a", "https://example.com/b")]
    [InlineData("https://example.com/a?id=1", "https://example.com/a?id=2")]
    [InlineData("https://example.com/a", "https://example.org/a")]
    [InlineData("https://example.com:8080/a", "https://example.com/a")]
    [InlineData("https://example.com/a?p=1", "https://example.com/a?p=2")]
    [InlineData("https://blog.example.com/a", "https://example.com/a")]
    [InlineData("https://example.com/A", "https://example.com/a")]
    public void KeyKeepsDifferentPagesApart(string a, string b) =>
        Assert.NotEqual(UrlCanonicalizer.Key(a), UrlCanonicalizer.Key(b));
}
