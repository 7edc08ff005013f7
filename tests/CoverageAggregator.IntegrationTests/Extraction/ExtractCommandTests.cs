using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CoverageAggregator.IntegrationTests.Support;

namespace CoverageAggregator.IntegrationTests.Extraction;

/// <summary>`coverage extract`: main text of saved pages in the article-extraction benchmark's output format.</summary>
public class ExtractCommandTests
{
    private const string Page =
        "<html><head><title>T</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>A headline</h1>" +
        "<p>The first paragraph of the article body has enough words to be taken for the main text of this page by any extractor.</p>" +
        "<p>The second paragraph goes on with more words about the same subject, so that the article is clearly the main content.</p>" +
        "</article><footer>Copyright notice and links</footer></body></html>";

    [Fact]
    public async Task EveryHtmlAndGzippedHtmlFileBecomesOneKeyWithItsArticleBody()
    {
        var dir = Directory.CreateTempSubdirectory("extract-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "plain.html"), Page);
        await using (var gz = new GZipStream(File.Create(Path.Combine(dir, "packed.html.gz")), CompressionLevel.Fastest))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(Page.Replace("first paragraph", "first gzipped paragraph", StringComparison.Ordinal)));
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "notes.txt"), "not a page");
        var output = Path.Combine(dir, "out", "extracted.json");

        var (exit, _, stderr) = await ProcessRunner.RunAsync("dotnet", [Paths.Cli(), "extract", "--html-dir", dir, "--out", output], timeoutSeconds: 120);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["packed", "plain"], keys);
        var body = json.RootElement.GetProperty("plain").GetProperty("articleBody").GetString()!;
        Assert.Contains("The first paragraph of the article body", body);
        Assert.Contains("\n", body);
        Assert.DoesNotContain("Copyright notice", body);
        Assert.Contains("first gzipped paragraph", json.RootElement.GetProperty("packed").GetProperty("articleBody").GetString());
    }

    [Fact]
    public async Task OnTheArticleExtractionBenchmarkF1IsAtLeastReadabilityJs()
    {
        var benchmark = Path.Combine(Paths.Shared, "benchmarks", "article-extraction");
        var output = Path.Combine(Directory.CreateTempSubdirectory("extract-bench-").FullName, "coverage.json");
        var (exit, _, stderr) = await ProcessRunner.RunAsync("dotnet", [Paths.Cli(), "extract", "--html-dir", Path.Combine(benchmark, "html"), "--out", output]);
        Assert.True(exit == 0, stderr);

        var scores = output + ".scores.json";
        (exit, _, stderr) = await ProcessRunner.RunAsync("python3", [Path.Combine(benchmark, "score.py"), output, "--bootstrap", "0", "--strict", "--json", scores]);
        Assert.True(exit == 0, stderr);
        var text = await File.ReadAllTextAsync(scores);
        var f1 = FindNumber(JsonDocument.Parse(text).RootElement, "f1");
        Assert.True(f1 >= 0.947, $"F1 {f1} is below Readability.js (0.947): {text[..Math.Min(400, text.Length)]}");
    }

    /// <summary>The first number under a property of this name, anywhere in the report.</summary>
    private static double FindNumber(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Number)
                    {
                        return property.Value.GetDouble();
                    }

                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && FindNumber(property.Value, name) is var found && !double.IsNaN(found))
                    {
                        return found;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindNumber(item, name) is var found && !double.IsNaN(found))
                    {
                        return found;
                    }
                }

                break;
        }

        return double.NaN;
    }
}
