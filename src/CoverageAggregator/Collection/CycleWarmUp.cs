using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Collection;

/// <summary>
/// What a host can start for a cycle while it checks its settings and storage, so the cycle finds it done or under way:
/// the profiles of the sources file's essays (reading their pages is the longest step of a cycle's start; it needs
/// neither storage nor the essays added at run time, which the cycle profiles itself). It asks only for the services it
/// uses, not the cycle's, so it starts at once. Never throws: a bad sources file is met again, and reported, by the
/// host's checks and the cycle.
/// </summary>
public sealed class CycleWarmUp(ConfigProvider configs, EssayProfiles profiles)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var config = await configs.GetFileAsync(cancellationToken).ConfigureAwait(false);
            await profiles.GetAsync(config.Essays, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConfigException or OperationCanceledException)
        {
            // Reported by whoever meets it next.
        }
    }
}
