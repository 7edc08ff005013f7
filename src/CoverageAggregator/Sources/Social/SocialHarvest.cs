using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;

namespace CoverageAggregator.Sources.Social;

/// <summary>
/// What the calls of one social source's run gathered: posts (each id once), warnings and failures. A rate limit or refused
/// credentials halt the run (later calls would fare no better); other failed calls become warnings, and the run fails only
/// when no call succeeded.
/// </summary>
internal sealed class SocialHarvest
{
    private readonly Dictionary<string, SocialPost> _posts = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly List<string> _errors = [];
    private int _succeeded;
    private FetchResult? _halt;

    public bool Halted => _halt is not null;

    public IReadOnlyCollection<SocialPost> Posts => _posts.Values;

    /// <summary>Records one call; true when it produced a body to read.</summary>
    public bool Accept<T>(ApiResponse<T> response)
        where T : class
    {
        if (response.IsOk)
        {
            _succeeded++;
            return true;
        }

        _errors.Add(response.Error ?? "unknown error");
        if (response.Fetch.Outcome == FetchOutcome.RetryLater || response.IsAuthFailure)
        {
            _halt = response.Fetch with { Error = response.Error };
        }

        return false;
    }

    /// <summary>
    /// Adds posts not met before in this run. Answers how many of them the pagination loop holding
    /// <paramref name="pageLoop"/> had not met yet: 0 ends the loop (a server that ignores the cursor repeats its page),
    /// while posts other queries found already do not cut a loop short.
    /// </summary>
    public int Add(IEnumerable<SocialPost> posts, ISet<string> pageLoop)
    {
        var fresh = 0;
        foreach (var post in posts)
        {
            _posts[post.Url] = _posts.TryGetValue(post.Url, out var earlier) ? Merge(earlier, post) : post;
            if (pageLoop.Add(post.Url))
            {
                fresh++;
            }
        }

        return fresh;
    }

    /// <summary>The same post met again (a search and a thread): its place in a thread and the newer engagement are kept.</summary>
    private static SocialPost Merge(SocialPost earlier, SocialPost later) => earlier with
    {
        Parent = earlier.Parent ?? later.Parent,
        Engagement = earlier.Engagement?.Update(later.Engagement) ?? later.Engagement,
    };

    public void Warn(string warning) => _warnings.Add(warning);

    public async Task<SourceRun> FinishAsync(SourceContext context, SocialJudge judge, CancellationToken cancellationToken)
    {
        var items = await judge.JudgeAsync(context, Posts, cancellationToken).ConfigureAwait(false);
        if (_halt is { } halt)
        {
            return SourceRun.From(halt) with { Items = items, Entries = _posts.Count, Warnings = _warnings };
        }

        if (_succeeded == 0 && _errors.Count > 0)
        {
            return new SourceRun { Outcome = FetchOutcome.Failed, Error = _errors[0], Warnings = _warnings.Concat(_errors.Skip(1)).ToList() };
        }

        return new SourceRun { Outcome = FetchOutcome.Ok, Entries = _posts.Count, Items = items, Warnings = _warnings.Concat(_errors).ToList() };
    }
}
