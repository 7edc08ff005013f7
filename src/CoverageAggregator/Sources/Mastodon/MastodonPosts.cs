using CoverageAggregator.Coverage;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Mastodon;

/// <summary>
/// Status → <see cref="SocialPost"/>: a boost stands for the status it boosts; the canonical URL is the status url (its
/// uri and, for a remote status, the instance's local view are other names); links come from the card and the content's
/// anchors, mention and hashtag links left out, and from the status it quotes (Mastodon 4.5): a quote of a status that
/// links the essay links it too. A reply's parent is the status it answers (when known), a quote's the status it quotes.
/// </summary>
internal static class MastodonPosts
{
    public const string Outlet = "Mastodon";

    /// <param name="urlOfId">The URL of a status of this instance by its local id, where the caller knows it (a thread).</param>
    public static SocialPost? From(MastodonWire.Status status, string baseUrl, Func<string, string?>? urlOfId = null)
    {
        var original = status.Reblog ?? status;
        var url = original.Url ?? original.Uri;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return null;
        }

        var (text, links, quotes) = SocialHtml.Read(original.Content);
        if (original.SpoilerText is { Length: > 0 } warning)
        {
            text = warning + "\n" + text;
        }

        var acct = original.Account?.Acct;
        var alsoAt = new List<string>();
        if (original.Uri is { } uri && uri != url)
        {
            alsoAt.Add(uri);
        }

        if (acct is not null && acct.Contains('@', StringComparison.Ordinal) && status.Reblog is null && original.Id is { } localId)
        {
            alsoAt.Add($"{baseUrl}/@{acct}/{localId}");
        }

        var quoted = original.Quote?.QuotedStatus;
        var quotedLinks = quoted is null ? [] : SocialHtml.Read(quoted.Content).Links.Prepend(quoted.Card?.Url);
        var repliedTo = original.InReplyToId is { } parentId ? urlOfId?.Invoke(parentId) : null;
        return new SocialPost
        {
            Url = url,
            AlsoAt = alsoAt,
            Kind = CoverageKinds.Post,
            Outlet = Outlet,
            Author = acct,
            Text = text,
            Links = links.Prepend(original.Card?.Url).Concat(quotedLinks).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            BlockQuotes = quotes,
            PublishedAt = original.CreatedAt,
            Language = original.Language,
            Engagement = new Engagement(original.FavouritesCount, original.ReblogsCount, original.RepliesCount, original.QuotesCount),
            Parent = repliedTo ?? quoted?.Url ?? quoted?.Uri,
        };
    }
}
