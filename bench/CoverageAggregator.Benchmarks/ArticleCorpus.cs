using System.IO.Compression;
using System.Text;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// The 181 news pages of the Zyte article-extraction benchmark (../shared/benchmarks/article-extraction/html, *.html and
/// *.html.gz), read as `coverage extract` reads them: UTF-8 unless a BOM says otherwise, each at https://page.invalid/{id}.
/// <see cref="Parsed"/> is each page read once by ArticleParser, for the benchmarks that start from main text.
/// </summary>
public static class ArticleCorpus
{
    private static readonly Lazy<IReadOnlyList<SavedPage>> Saved = new(Load);
    private static readonly Lazy<IReadOnlyList<ArticlePage>> ParsedPages = new(() => All.Select(p => ArticleParser.Parse(p.Html, p.Url)).ToList());

    public static IReadOnlyList<SavedPage> All => Saved.Value;

    /// <summary>Bytes of HTML after decompression.</summary>
    public static long TotalBytes => All.Sum(p => (long)p.Bytes);

    public static IReadOnlyList<ArticlePage> Parsed => ParsedPages.Value;

    private static List<SavedPage> Load()
    {
        var root = Repo.Shared("benchmarks", "article-extraction", "html");
        var pages = Directory.EnumerateFiles(root)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();
        return pages.Count > 0 ? pages : throw new InvalidOperationException("no pages in " + root);
    }

    private static SavedPage Read(string path)
    {
        var name = Path.GetFileName(path);
        var gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var id = gzip ? name[..^".html.gz".Length] : name[..^".html".Length];
        var bytes = File.ReadAllBytes(path);
        if (gzip)
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            bytes = output.ToArray();
        }

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return new SavedPage(id, reader.ReadToEnd(), bytes.Length, new Uri($"https://page.invalid/{Uri.EscapeDataString(id)}"));
    }
}

/// <summary>One saved page: its id (file name without extension), its HTML, its size in bytes and the URL it is read at.</summary>
public sealed record SavedPage(string Id, string Html, int Bytes, Uri Url);
