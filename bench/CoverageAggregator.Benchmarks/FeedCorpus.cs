using System.Xml;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// At least 10 MB of mixed real-world feeds: every RSS 0.9x/1.0/2.0 and Atom file of ../shared/benchmarks/feed-fixtures
/// (feed-rs's captures and feedparser's encoding cases) that is well-formed XML, repeated in turn until the total passes
/// 10 MB. Only well-formed documents are used so that the bare XmlReader pass reads exactly the same bytes to the end.
/// </summary>
public static class FeedCorpus
{
    public const long MinimumBytes = 10L * 1024 * 1024;

    public static readonly Uri FeedUrl = new("https://feeds.example/feed.xml");

    private static readonly Lazy<IReadOnlyList<byte[]>> Documents = new(Load);

    public static IReadOnlyList<byte[]> All => Documents.Value;

    public static long TotalBytes => All.Sum(d => (long)d.Length);

    public static int DistinctFeeds { get; private set; }

    private static List<byte[]> Load()
    {
        var root = Repo.Shared("benchmarks", "feed-fixtures");
        var distinct = Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}xml{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .Where(IsUsable)
            .ToList();
        DistinctFeeds = distinct.Count;
        var corpus = new List<byte[]>();
        long total = 0;
        while (total < MinimumBytes)
        {
            foreach (var document in distinct)
            {
                corpus.Add(document);
                total += document.Length;
            }
        }

        return corpus;
    }

    private static bool IsUsable(byte[] document)
    {
        try
        {
            XmlReaderPass.Read(document);
            return FeedParser.Parse(document, FeedUrl).Warnings.Count == 0;
        }
        catch (Exception ex) when (ex is XmlException or FeedFormatException)
        {
            return false;
        }
    }
}
