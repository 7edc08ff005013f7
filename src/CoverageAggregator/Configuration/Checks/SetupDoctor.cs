using Azure;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Configuration.Checks;

/// <summary>
/// `coverage doctor`: checks a setup end to end, one line per thing with what to do: storage answers, each feed
/// answers with a feed, each social platform's credentials are present and accepted, each essay's fetchUrl gives text.
/// </summary>
public sealed class SetupDoctor(Fetcher fetcher, PageResolver pages, StorageClients storage, TimeProvider time)
{
    /// <summary>How long storage may take to answer before it counts as unreachable.</summary>
    public TimeSpan StorageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<CheckLine>> CheckAsync(CoverageConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var credentials = new CredentialCheck(fetcher, time);
        var phrase = config.Essays.Select(e => e.Keywords.Count > 0 ? e.Keywords[0] : e.Title).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) ?? "coverage";
        var checks = new List<Task<CheckLine>> { StorageAsync(cancellationToken) };
        checks.AddRange(config.Essays.Select(e => EssayCheck.RunAsync(pages, e, cancellationToken)));
        checks.AddRange(config.Feeds.Select(f => FeedCheck.RunAsync(fetcher, f, cancellationToken)));
        checks.AddRange(SourceDescriptor.AllOf(config).Where(s => s.Social is not null).Select(s => credentials.RunAsync(s, phrase, cancellationToken)));
        return await Task.WhenAll(checks).ConfigureAwait(false);
    }

    private async Task<CheckLine> StorageAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await storage.Table("sources").CreateIfNotExistsAsync(timeout.Token).ConfigureAwait(false);
            return new CheckLine(CheckStatus.Ok, "storage", $"{storage.Description} answers");
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return new CheckLine(CheckStatus.Failed, "storage", $"{storage.Description}: {TableHandle.FirstLine(ex)}",
                "start Azurite (scripts/azurite.sh start) or set COVERAGE_STORAGE to a reachable account");
        }
    }
}
