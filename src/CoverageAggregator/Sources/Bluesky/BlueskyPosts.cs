using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// PostView → <see cref="SocialPost"/>: the canonical URL is https://bsky.app/profile/&lt;handle&gt;/post/&lt;rkey&gt;, also
/// known by its at:// URI and the DID form; links come from link facets and external embeds (record and view), and from
/// the post it quotes (embed.record, recordWithMedia): a quote of a post that links the essay links it too. A reply's
/// parent is the post it answers, a quote's the post it quotes.
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
        var quoted = Quoted(view.Embed);
        var quotedUri = quoted?.Uri ?? view.Record?.Embed?.Record?.Uri ?? view.Record?.Embed?.Record?.Record?.Uri;
        var links = LinksOf(view.Record, [view.Embed])
            .Concat(quoted is null ? [] : LinksOf(quoted.Value, quoted.Embeds ?? []));
        return new SocialPost
        {
            Url = $"https://bsky.app/profile/{profile}/post/{rkey}",
            AlsoAt = [atUri, $"https://bsky.app/profile/{did}/post/{rkey}"],
            Kind = CoverageKinds.Post,
            Outlet = Outlet,
            Author = profile,
            Text = view.Record?.Text ?? "",
            Links = links.OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            PublishedAt = view.Record?.CreatedAt ?? view.IndexedAt,
            Language = view.Record?.Langs is [var language, ..] ? language : null,
            Engagement = new Engagement(view.LikeCount, view.RepostCount, view.ReplyCount, view.QuoteCount),
            Parent = WebUrl(view.Record?.Reply?.Parent?.Uri) ?? WebUrl(quotedUri),
        };
    }

    /// <summary>The bsky.app URL of an at:// post URI (by DID, one of the names <see cref="From"/> gives a post), or null.</summary>
    public static string? WebUrl(string? atUri)
    {
        var parts = atUri is not null && atUri.StartsWith("at://", StringComparison.Ordinal) ? atUri["at://".Length..].Split('/') : [];
        return parts is [var authority, "app.bsky.feed.post", var rkey] && authority.Length > 0 && rkey.Length > 0
            ? $"https://bsky.app/profile/{authority}/post/{rkey}"
            : null;
    }

    /// <summary>The post a view quotes: record#view holds its viewRecord, recordWithMedia#view one level down.</summary>
    private static BlueskyWire.EmbeddedRecord? Quoted(BlueskyWire.Embed? embed) =>
        embed?.Record is { Uri: not null } record ? record : embed?.Record?.Record;

    /// <summary>Link facets of a record and the external links of its embeds (record and views, media of recordWithMedia).</summary>
    private static IEnumerable<string?> LinksOf(BlueskyWire.PostRecord? record, IEnumerable<BlueskyWire.Embed?> views)
    {
        var facets = (record?.Facets ?? []).SelectMany(f => f.Features ?? []).Where(f => f.Type == LinkFeature).Select(f => f.Uri);
        var embeds = views.Prepend(record?.Embed).SelectMany(e => new[] { e, e?.Media }).Select(e => e?.External?.Uri);
        return facets.Concat(embeds);
    }
}
