using System.CommandLine;
using CoverageAggregator.Cli.Hosting;
using CoverageAggregator.Configuration;
using CoverageAggregator.Configuration.Discovery;
using CoverageAggregator.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageAggregator.Cli.Commands;

/// <summary>`coverage init URL`: fetches an essay's page and writes a sources file that tracks it.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The essay's URL (its page on the publication, or a mirror)" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The sources file to write", DefaultValueFactory = _ => new FileInfo("sources.json") };
        var force = new Option<bool>("--force") { Description = "Overwrite the file when it exists" };
        var command = new Command("init", "Fetch an essay's page and write a sources file for it: its URLs, metadata, keywords, feeds and social searches.") { url, output, force };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(url)!, parse.GetValue(output)!, parse.GetValue(force), token));
        return command;
    }

    private static async Task<int> RunAsync(string address, FileInfo output, bool force, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            await Console.Error.WriteLineAsync($"coverage: \"{address}\" is not an http(s) URL");
            return ExitCodes.BadConfig;
        }

        if (output.Exists && !force)
        {
            await Console.Error.WriteLineAsync($"coverage: {output.FullName} exists; pass --force to overwrite it or --out to write another file");
            return ExitCodes.BadConfig;
        }

        using var host = CliHost.Build(null);
        // The URL the user names is allowed past the SSRF guard, as the hosts a sources file names are.
        host.Services.GetRequiredService<AddressGuard>().AllowHostsOf([url.AbsoluteUri]);
        DiscoveredEssay discovered;
        try
        {
            discovered = await host.Services.GetRequiredService<EssayDiscovery>().DiscoverAsync(url, cancellationToken);
        }
        catch (DiscoveryException ex)
        {
            await Console.Error.WriteLineAsync($"coverage: {ex.Message}");
            return ExitCodes.Failed;
        }

        string text;
        try
        {
            text = SourcesFile.Serialize(discovered.Config);
        }
        catch (ConfigException ex)
        {
            await Console.Error.WriteLineAsync($"coverage: {ex.Message}");
            return ExitCodes.Failed;
        }

        output.Directory?.Create();
        await File.WriteAllTextAsync(output.FullName, text, cancellationToken);
        Console.WriteLine("found:");
        foreach (var line in discovered.Found)
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine($"wrote {output.FullName}: 1 essay, {discovered.Config.Feeds.Count} feeds, {discovered.Config.Social.Count} social searches");
        Console.WriteLine("check:");
        foreach (var line in discovered.ToCheck)
        {
            Console.WriteLine("  - " + line);
        }

        Console.WriteLine($"then: coverage doctor --config {Path.GetRelativePath(Environment.CurrentDirectory, output.FullName)}");
        return ExitCodes.Ok;
    }
}
