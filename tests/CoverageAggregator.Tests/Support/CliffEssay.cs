using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Tests.Support;

/// <summary>
/// What the pipeline step tests share: an invented essay ("The Compute Cliff" by Mara Okafor in Frontier Notes, with a
/// mirror), a page resolver over an in-memory <see cref="StubHandler"/>, and a feed source's context.
/// </summary>
internal static class CliffEssay
{
    public const string Url = "https://frontiernotes.example/p/the-compute-cliff";
    public const string Mirror = "https://maraokafor.example/2026/10/the-compute-cliff/";
    public const string Quote = "We are not running out of compute; we are running out of places to plug it in.";

    public static readonly DateTimeOffset PublishedAt = new(2026, 10, 14, 11, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset After = PublishedAt.AddDays(2);
    public static readonly DateTimeOffset Before = PublishedAt.AddDays(-30);

    public static EssayProfile Profile(string id = "cliff", string title = "The Compute Cliff", string text = Quote, params string[] urls) => new(new EssayConfig
    {
        Id = id,
        Title = title,
        Author = "Mara Okafor",
        Publication = "Frontier Notes",
        Urls = urls.Length > 0 ? urls : [Url, Mirror],
        Keywords = [title],
        PublishedAt = PublishedAt,
    }, [], text);

    public static PageResolver Pages(StubHandler handler) =>
        new(new Fetcher(new HttpClient(handler), Options.Create(new CoverageOptions()), NullLogger<Fetcher>.Instance));

    public static SourceContext Context(params EssayProfile[] essays)
    {
        var source = new SourceDescriptor("feed-test", SourceKinds.Feed, "Test Feed", "https://feeds.example/rss");
        return new SourceContext(source, new SourceState { RowKey = source.Id, CurrentUrl = source.Url }, essays.Length > 0 ? essays : [Profile()], After.AddDays(1));
    }

    public static string Page(string title, string body, string? canonical = null, string? siteName = null) =>
        "<html><head><title>" + title + "</title>"
        + (canonical is null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
        + (siteName is null ? "" : "<meta property=\"og:site_name\" content=\"" + siteName + "\">")
        + "</head><body><article><h1>" + title + "</h1>" + body + "</article></body></html>";
}
