using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Cli.Commands;

/// <summary>
/// `coverage extract`: the main text of every saved page in a folder, as one JSON object keyed by file name
/// (the shape the article-extraction benchmark's scorer reads: { "id": { "articleBody": "..." } }).
/// </summary>
internal static class ExtractCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var htmlDir = new Option<DirectoryInfo>("--html-dir") { Description = "A folder of *.html or *.html.gz pages", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The JSON file to write", Required = true };
        var command = new Command("extract", "Write the main text of every page in a folder as JSON (key = file name without extension).") { htmlDir, output };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(htmlDir)!, parse.GetValue(output)!, token));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo htmlDir, FileInfo output, CancellationToken cancellationToken)
    {
        if (!htmlDir.Exists)
        {
            await Console.Error.WriteLineAsync($"coverage: no folder {htmlDir.FullName}");
            return ExitCodes.BadConfig;
        }

        var files = htmlDir.EnumerateFiles()
            .Where(f => f.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.Name.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var bodies = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = IdOf(file.Name);
            var html = await ReadAsync(file, cancellationToken);
            var page = ArticleParser.Parse(html, new Uri($"https://page.invalid/{Uri.EscapeDataString(id)}"));
            bodies[id] = new Dictionary<string, string> { ["articleBody"] = page.MainText };
        }

        output.Directory?.Create();
        var temp = output.FullName + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, bodies, Indented, cancellationToken);
        }

        File.Move(temp, output.FullName, overwrite: true);
        Console.WriteLine($"wrote the main text of {bodies.Count} pages to {output.FullName}");
        return ExitCodes.Ok;
    }

    private static string IdOf(string name) =>
        name.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) ? name[..^".html.gz".Length] : name[..^".html".Length];

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        if (!file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var plain = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await plain.ReadToEndAsync(cancellationToken);
        }

        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
