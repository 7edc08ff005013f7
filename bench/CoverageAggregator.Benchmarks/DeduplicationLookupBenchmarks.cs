using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CoverageAggregator.Coverage;
using CoverageAggregator.Deduplication;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// The near-duplicate lookup CoverageStore makes before storing every new article: CopyIndex.FindCopyKeyAsync against an
/// in-process index of the essay's stored articles ([Params]: 1,000 and 10,000 articles), with no storage behind it
/// (<see cref="EmptyTable"/>; the clock is frozen so the index is never read again). Articles are built from paragraphs
/// of the Zyte benchmark texts (6-20 each, fixed seed); each has a feed-proxy URL in "also at" and a MinHash signature.
/// Each operation is <see cref="Queries"/> lookups: LookupNewArticle asks for new stories (no copy: the whole index is
/// compared), LookupCopy for syndicated copies of stored articles (a wire byline and a footer added, another URL).
/// The copies are spread evenly over the index; once one is found the rest of the scan only checks "also at" keys, so a
/// copy costs about half a new story.
/// Run: dotnet run -c Release --project bench/CoverageAggregator.Benchmarks -- --filter '*Deduplication*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class DeduplicationLookupBenchmarks
{
    public const int Queries = 100;

    private const string EssayId = "bench-essay";

    private CopyIndex _index = null!;
    private TableClient _table = null!;
    private EmptyTable _handler = null!;
    private List<CoverageItem> _newArticles = [];
    private List<(CoverageItem Copy, string OriginalKey)> _copies = [];

    /// <summary>Texts by URL, so a copy can be made of a stored article (the item keeps only the signature).</summary>
    private readonly Dictionary<string, string> _textOf = new(StringComparer.Ordinal);

    [Params(1_000, 10_000)]
    public int IndexSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var paragraphs = ArticleCorpus.Parsed
            .SelectMany(p => p.MainText.Split('\n'))
            .Where(line => line.Split(' ').Length >= 8)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var random = new Random(8);
        var stored = Enumerable.Range(0, IndexSize).Select(i => Article($"https://outlet{i % 300}.example/{i}/story", Text(paragraphs, random))).ToList();
        _newArticles = Enumerable.Range(0, Queries).Select(i => Article($"https://newcomer{i}.example/story", Text(paragraphs, random))).ToList();
        _copies = Enumerable.Range(0, Queries)
            .Select(i => stored[i * (IndexSize / Queries)])
            .Select((original, i) => (Article($"https://syndicate{i}.example/wire/story", CopyOf(original)), original.Key))
            .ToList();

        (_table, _handler) = EmptyTable.Create();
        _index = new CopyIndex(new FrozenTime());
        if (_index.FindCopyKeyAsync(_table, stored[0], CancellationToken.None).GetAwaiter().GetResult() is not null)
        {
            throw new InvalidOperationException("the empty index found a copy");
        }

        foreach (var item in stored)
        {
            _index.Remember(item);
        }

        var found = _copies.Count(c => _index.FindCopyKeyAsync(_table, c.Copy, CancellationToken.None).GetAwaiter().GetResult() == c.OriginalKey);
        var falseCopies = _newArticles.Count(a => _index.FindCopyKeyAsync(_table, a, CancellationToken.None).GetAwaiter().GetResult() is not null);
        Console.WriteLine($"// index: {IndexSize} articles from {paragraphs.Count} paragraphs; copies found {found} of {Queries}; new articles taken for copies {falseCopies} of {Queries}");
        if (found != Queries || falseCopies != 0 || stored.Any(s => s.TextSignature is null))
        {
            throw new InvalidOperationException("the index does not find exactly the copies: the benchmark would not measure the real lookup");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_handler.Requests != 1)
        {
            throw new InvalidOperationException($"the index was read {_handler.Requests} times, not once: lookups included reloads");
        }
    }

    [Benchmark]
    public async Task<int> LookupNewArticle()
    {
        var copies = 0;
        foreach (var article in _newArticles)
        {
            if (await _index.FindCopyKeyAsync(_table, article, CancellationToken.None) is not null)
            {
                copies++;
            }
        }

        return copies;
    }

    [Benchmark]
    public async Task<int> LookupCopy()
    {
        var copies = 0;
        foreach (var (copy, _) in _copies)
        {
            if (await _index.FindCopyKeyAsync(_table, copy, CancellationToken.None) is not null)
            {
                copies++;
            }
        }

        return copies;
    }

    private static string Text(List<string> paragraphs, Random random) =>
        string.Join('\n', Enumerable.Range(0, random.Next(6, 21)).Select(_ => paragraphs[random.Next(paragraphs.Count)]));

    private string CopyOf(CoverageItem original)
    {
        return "By Staff Writers, Wire Service\n" + _textOf[original.Url] + "\nThis story was first published by another outlet and is republished with permission.";
    }

    private CoverageItem Article(string url, string text)
    {
        _textOf[url] = text;
        var at = DateTimeOffset.Parse("2026-10-15T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new CoverageItem
        {
            EssayId = EssayId,
            Url = url,
            AlsoAt = ["https://feeds.example/~r/" + url["https://".Length..]],
            Kind = CoverageKinds.Article,
            TextSignature = TextSignature.Of(text)?.Serialize(),
            FirstSeenAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>A clock that never moves: the index, read once, never expires during a run.</summary>
    private sealed class FrozenTime : TimeProvider
    {
        private static readonly DateTimeOffset Now = new(2026, 10, 15, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn("lookups/s", "Lookups per second (mean)", _ => Queries, "#,0"));
    }
}
