using CoverageAggregator.Configuration;
using CoverageAggregator.Resolving;
using Microsoft.Extensions.Logging;

namespace CoverageAggregator.Matching;

/// <summary>
/// Builds each essay's <see cref="EssayProfile"/> once per hour: fetches the essay (fetchUrl, else its first URL) to learn
/// its rel=canonical / og:url and its sentences. An essay that cannot be fetched still matches by link and mention.
/// </summary>
public sealed class EssayProfiles(PageResolver pages, TimeProvider time, ILogger<EssayProfiles> logger) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (EssayProfile Profile, DateTimeOffset BuiltAt, bool Complete)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<EssayProfile>> GetAsync(IReadOnlyList<EssayConfig> essays, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var profiles = new List<EssayProfile>();
            foreach (var essay in essays)
            {
                var now = time.GetUtcNow();
                if (!_cache.TryGetValue(essay.Id, out var cached) || cached.Profile.Essay != essay
                    || now - cached.BuiltAt > (cached.Complete ? Lifetime : TimeSpan.FromMinutes(5)))
                {
                    var (profile, complete) = await BuildAsync(essay, cancellationToken).ConfigureAwait(false);
                    cached = (profile, now, complete);
                    _cache[essay.Id] = cached;
                }

                profiles.Add(cached.Profile);
            }

            return profiles;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(EssayProfile Profile, bool Complete)> BuildAsync(EssayConfig essay, CancellationToken cancellationToken)
    {
        var url = essay.FetchUrl ?? (essay.Urls.Count > 0 ? essay.Urls[0] : null);
        if (url is null)
        {
            return (new EssayProfile(essay, [], null), true);
        }

        var (page, fetch) = await pages.FetchPageAsync(url, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            Log.EssayFetchFailed(logger, essay.Id, fetch.Error ?? "unknown error");
            return (new EssayProfile(essay, [], null), false);
        }

        var extra = new[] { page.CanonicalUrl, page.OgUrl, fetch.FinalUrl.AbsoluteUri }.OfType<string>();
        return (new EssayProfile(essay, extra, page.MainText, page.OtherTitles.Prepend(page.Title).OfType<string>()), true);
    }
}
