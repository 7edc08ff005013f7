using System.Security.Cryptography;
using System.Text;

namespace CoverageAggregator.Feeds;

/// <summary>
/// The one policy for a feed item's identity, in order: the RSS guid (else RSS 1.0 rdf:about) / Atom id / JSON Feed id;
/// else the item link (made absolute);
/// else a hash of title and content. A guid is trusted even when it is not a permalink, because feeds change
/// links (tracking parameters, http→https) more often than they change guids.
/// </summary>
public static class EntryIdentity
{
    public static string Of(string? itemId, string? link, string? title, string? content)
    {
        var basis = !string.IsNullOrWhiteSpace(itemId) ? "id:" + itemId.Trim()
            : !string.IsNullOrWhiteSpace(link) ? "link:" + link.Trim()
            : "text:" + (title ?? "").Trim() + "\n" + (content ?? "").Trim();
        return Hash(basis);
    }

    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
