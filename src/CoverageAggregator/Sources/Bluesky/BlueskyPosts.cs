using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// PostView → <see cref="SocialPost"/>: the canonical URL is https://bsky.app/profile/&lt;handle&gt;/post/&lt;rkey&gt;, also
/// known by its at:// URI and the DID form; links come from link facets and external embeds (record and view).
/// </summary>
internal static class BlueskyPosts
{
    public const string Outlet = "Bluesky";
    private const string LinkFeature = "app.bsky.richtext.facet#link";

    /// <summary>What the AppView shows for an account whose handle no longer verifies: its profile is reached by DID.</summary>
    private const string InvalidHandle = "handle.invalid";

    public static SocialPost? From(BlueskyWire.PostView view)
    {
        if (view.Uri is not { } atUri || !atUri.StartsWith("at://", StringComparison.Ordinal) || view.Author?.Handle is not { Length: > 0 } handle)
        {
            return null;
        }

        var rkey = atUri[(atUri.LastIndexOf('/') + 1)..];
        var did = view.Author.Did ?? atUri["at://".Length..].Split('/')[0];
        var profile = handle == InvalidHandle ? did : handle;
        var facetLinks = (view.Record?.Facets ?? [])
            .SelectMany(f => f.Features ?? [])
            .Where(f => f.Type == LinkFeature)
            .Select(f => f.Uri);
        var embeds = new[] { view.Record?.Embed, view.Embed, view.Record?.Embed?.Media, view.Embed?.Media }
            .Select(e => e?.External?.Uri);
        return new SocialPost
        {
            Url = $"https://bsky.app/profile/{profile}/post/{rkey}",
            AlsoAt = [atUri, $"https://bsky.app/profile/{did}/post/{rkey}"],
            Kind = CoverageKinds.Post,
            Outlet = Outlet,
            Author = profile,
            Text = view.Record?.Text ?? "",
            Links = facetLinks.Concat(embeds).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            PublishedAt = view.Record?.CreatedAt ?? view.IndexedAt,
            Language = view.Record?.Langs is [var language, ..] ? language : null,
        };
    }
}
