using CoverageAggregator.Resolving;
using CoverageAggregator.Tests.Support;

namespace CoverageAggregator.Tests.Resolving;

public class PaginatedArticlesTests
{
    private const string Article = "https://compute-notes.example/2026/05/06/what-the-labs-are-automating/";
    private const string Essay = "https://importai.substack.com/p/import-ai-455-automating-ai-research";

    private static ArticlePage Fixture(string file, string url) =>
        ArticleParser.Parse(File.ReadAllText(Path.Combine(Paths.TestData, "Pages", "Paginated", file)), new Uri(url));

    /// <summary>A reader over fixed pages that records what it was asked for.</summary>
    private sealed class Site(Dictionary<string, ArticlePage> pages)
    {
        public List<string> Read { get; } = [];

        public Task<ArticlePage?> ReadAsync(Uri url, CancellationToken cancellationToken)
        {
            Read.Add(url.AbsoluteUri);
            return Task.FromResult(pages.GetValueOrDefault(url.AbsoluteUri));
        }
    }

    [Fact]
    public async Task AnArticleSplitOverTwoPagesIsJudgedWholeWithItsFirstPagesIdentity()
    {
        var site = new Site(new() { [Article + "2/"] = Fixture("page-2.html", Article + "2/") });

        var joined = await PaginatedArticles.JoinAsync(Fixture("page-1.html", Article), site.ReadAsync, CancellationToken.None);

        Assert.Contains(Essay, joined.Links);
        Assert.Contains("they run experiments", joined.MainText, StringComparison.Ordinal);
        Assert.Contains("lists the pieces he believes are already in place", joined.MainText, StringComparison.Ordinal);
        Assert.Contains("The labs are beginning to hand parts of their own research to the systems they build.", joined.BlockQuotes);
        Assert.Equal((Article, "Rui Tanaka"), (joined.CanonicalUrl, joined.Author));
        Assert.Equal([Article + "2/"], site.Read);
    }

    [Fact]
    public async Task ANextPostLinkIsAnotherArticleAndIsNotRead()
    {
        var site = new Site([]);

        var page = await PaginatedArticles.JoinAsync(Fixture("next-post.html", "https://compute-notes.example/2026/05/05/a-week-of-benchmarks/"), site.ReadAsync, CancellationToken.None);

        Assert.Empty(site.Read);
        Assert.DoesNotContain("labs", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtMostFourMorePagesAreReadAndAPageThatPointsBackEndsTheArticle()
    {
        var pages = Enumerable.Range(2, 10).ToDictionary(n => $"{Article}{n}/", n => new ArticlePage { Url = new Uri($"{Article}{n}/"), MainText = $"page {n}", NextPage = $"{Article}{n + 1}/" });
        var site = new Site(pages);
        var first = new ArticlePage { Url = new Uri(Article), MainText = "page 1", NextPage = Article + "2/" };

        var joined = await PaginatedArticles.JoinAsync(first, site.ReadAsync, CancellationToken.None);
        Assert.Equal(PaginatedArticles.MaxMorePages, site.Read.Count);
        Assert.EndsWith("page 5", joined.MainText, StringComparison.Ordinal);

        var looping = new Site(new() { [Article + "2/"] = new ArticlePage { Url = new Uri(Article + "2/"), MainText = "page 2", NextPage = Article } });
        await PaginatedArticles.JoinAsync(first, looping.ReadAsync, CancellationToken.None);
        Assert.Single(looping.Read);
    }

    [Fact]
    public async Task APageThatCannotBeReadEndsTheArticleWithWhatWasRead()
    {
        var joined = await PaginatedArticles.JoinAsync(new ArticlePage { Url = new Uri(Article), MainText = "page 1", NextPage = Article + "2/" }, new Site([]).ReadAsync, CancellationToken.None);

        Assert.Equal("page 1", joined.MainText);
    }

    [Theory]
    [InlineData("https://news.example/2026/05/story/", "https://news.example/2026/05/story/2/", true)]
    [InlineData("https://news.example/2026/05/story.html", "https://news.example/2026/05/story-2.html", true)]
    [InlineData("https://news.example/story?id=123", "https://news.example/story?id=123&page=2", true)]
    [InlineData("https://www.news.example/2026/05/story/", "https://news.example/2026/05/story/2/", true)]
    [InlineData("https://news.example/story?id=123", "https://news.example/story?id=124", false)]
    [InlineData("https://news.example/2026/05/story/", "https://news.example/2026/05/another-story/", false)]
    [InlineData("https://news.example/2026/05/story/", "https://other.example/2026/05/story/2/", false)]
    [InlineData("https://news.example/", "https://news.example/page/2/", false)]
    [InlineData("https://news.example/2026/05/story/", "javascript:next()", false)]
    public void OnlyAContinuationOfTheFirstPageOnTheSameSiteIsFollowed(string first, string next, bool followed) =>
        Assert.Equal(followed, PaginatedArticles.Continuation(new Uri(first), next) is not null);

    [Fact]
    public void ThePageParserReadsRelNextFromALinkOrAnAnchor()
    {
        Assert.Equal(Article + "2/", Fixture("page-1.html", Article).NextPage);
        Assert.Equal("https://news.example/a/2/", ArticleParser.Parse("<html><body><article><p>Text.</p><a rel=\"next\" href=\"2/\">Next page</a></article></body></html>", new Uri("https://news.example/a/")).NextPage);
    }
}
