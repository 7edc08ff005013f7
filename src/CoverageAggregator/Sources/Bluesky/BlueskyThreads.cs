using System.Text.Json;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// The replies (app.bsky.feed.getPostThread) and quote-posts (app.bsky.feed.getQuotes) of the posts that cite an essay,
/// read anonymously from the public AppView. Each reply names the post it answers and each quote the post it quotes, so
/// the judge can attach them (<see cref="ThreadJudge"/>). Blocked and deleted replies are passed over.
/// </summary>
internal sealed class BlueskyThreads(Fetcher fetcher, string appView)
{
    /// <summary>Threads read per run at most: the posts that cite an essay, newest first.</summary>
    private const int MaxThreads = 25;

    /// <summary>How deep the replies of a thread are read, and how many pages of quotes.</summary>
    private const int Depth = 10;
    private const int MaxQuotePages = 2;

    public async Task ReadAsync(IEnumerable<SocialPost> citing, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        var roots = citing.Select(p => p.AlsoAt.FirstOrDefault(u => u.StartsWith("at://", StringComparison.Ordinal)))
            .OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxThreads).ToList();
        foreach (var uri in roots.TakeWhile(_ => !harvest.Halted))
        {
            await ReadThreadAsync(uri, harvest, cancellationToken).ConfigureAwait(false);
            await ReadQuotesAsync(uri, harvest, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The posts of a page, each read on its own: a malformed one is skipped and counted in a warning.</summary>
    public static IEnumerable<SocialPost> Posts(IEnumerable<JsonElement>? posts, Uri url, SocialHarvest harvest)
    {
        var views = WireItems.Read<BlueskyWire.PostView>(posts, BlueskyWire.Json, out var malformed);
        if (WireItems.Skipped(BlueskyPosts.Outlet, url.AbsolutePath, malformed) is { } warning)
        {
            harvest.Warn(warning);
        }

        return views.Select(BlueskyPosts.From).OfType<SocialPost>().ToList();
    }

    private async Task ReadThreadAsync(string uri, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        var url = ApiUrl.Build(appView, "/xrpc/app.bsky.feed.getPostThread", ("uri", uri), ("depth", Depth.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("parentHeight", "0"));
        var response = await SocialApi.GetJsonAsync<BlueskyWire.PostThread>(fetcher, BlueskyPosts.Outlet, url, null, BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
        if (!harvest.Accept(response) || response.Value!.Thread is not { } thread)
        {
            return;
        }

        var replies = new List<JsonElement>();
        Collect(thread, replies, harvest, url);
        harvest.Add(Posts(replies.Skip(1), url, harvest), new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>The post of a thread node and of every reply below it, depth first, the node's own post first.</summary>
    private static void Collect(JsonElement node, List<JsonElement> posts, SocialHarvest harvest, Uri url)
    {
        var read = WireItems.Read<BlueskyWire.ThreadNode>([node], BlueskyWire.Json, out var malformed);
        if (malformed > 0)
        {
            harvest.Warn(WireItems.Skipped(BlueskyPosts.Outlet, url.AbsolutePath, malformed)!);
        }

        if (read is not [{ Post: { ValueKind: JsonValueKind.Object } post } threadNode])
        {
            return;
        }

        posts.Add(post);
        foreach (var reply in threadNode.Replies ?? [])
        {
            Collect(reply, posts, harvest, url);
        }
    }

    private async Task ReadQuotesAsync(string uri, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? cursor = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxQuotePages; page++)
        {
            var url = ApiUrl.Build(appView, "/xrpc/app.bsky.feed.getQuotes", ("uri", uri), ("limit", "100"), ("cursor", cursor));
            var response = await SocialApi.GetJsonAsync<BlueskyWire.Quotes>(fetcher, BlueskyPosts.Outlet, url, null, BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response))
            {
                return;
            }

            cursor = response.Value!.Cursor;
            if (harvest.Add(Posts(response.Value.Posts, url, harvest), loop) == 0 || string.IsNullOrEmpty(cursor))
            {
                return;
            }
        }
    }
}
