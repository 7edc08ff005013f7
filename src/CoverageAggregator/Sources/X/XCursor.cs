using System.Globalization;
using System.Text.Json;
using CoverageAggregator.Feeds;

namespace CoverageAggregator.Sources.X;

/// <summary>
/// What an X source carries from run to run, in its source state as JSON: per query the newest post id read, sent back as
/// since_id so that a run reads (and pays for) only newer posts; and the essay author's announcements whose conversations
/// are followed (by id, with the announcement's URL). Queries no longer asked are dropped; an id older than the recent
/// search's seven days is not sent (X refuses it), start_time is.
/// </summary>
internal sealed class XCursor
{
    /// <summary>The recent search reaches seven days back; a minute is kept in hand for the request's own time.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>An announcement's conversation is followed this long after it was posted.</summary>
    public static readonly TimeSpan ConversationLife = TimeSpan.FromDays(30);

    /// <summary>Post ids are Snowflakes: milliseconds since this moment, shifted left 22 bits.</summary>
    private static readonly DateTimeOffset SnowflakeEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1288834974657);

    private readonly Stored _stored;
    private readonly Dictionary<string, string> _next = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _conversations;

    private XCursor(Stored stored)
    {
        _stored = stored;
        _conversations = new(stored.Conversations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    /// <summary>Announcements whose conversation is followed: post id → the announcement's URL.</summary>
    public IReadOnlyDictionary<string, string> Conversations => _conversations;

    public static XCursor Read(string? json)
    {
        try
        {
            return new XCursor(string.IsNullOrWhiteSpace(json) ? new Stored(null, null) : JsonSerializer.Deserialize<Stored>(json) ?? new Stored(null, null));
        }
        catch (JsonException)
        {
            return new XCursor(new Stored(null, null)); // an unreadable cursor costs one full read, nothing more
        }
    }

    /// <summary>The since_id to send for the query, or null when there is none yet or it has left the search window.</summary>
    public string? SinceId(string query, DateTimeOffset now) =>
        _stored.Since?.TryGetValue(Key(query), out var id) == true && TimeOf(id) is { } at && at > now - Window ? id : null;

    /// <summary>The query read everything up to <paramref name="newestId"/> (null: nothing new; the stored id stays).</summary>
    public void Advance(string query, string? newestId)
    {
        if (newestId is not null && TimeOf(newestId) is not null)
        {
            _next[Key(query)] = newestId;
        }
    }

    /// <summary>Follows the conversation of an announcement from now on.</summary>
    public void Follow(string postId, string url) => _conversations.TryAdd(postId, url);

    /// <summary>The cursor to store for the queries asked now, and the conversations still young enough to follow.</summary>
    public string Write(IEnumerable<string> queries, DateTimeOffset now)
    {
        var since = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in queries.Select(Key))
        {
            if (_next.TryGetValue(key, out var id) || _stored.Since?.TryGetValue(key, out id) == true)
            {
                since[key] = id!;
            }
        }

        var conversations = _conversations.Where(c => TimeOf(c.Key) is { } at && at > now - ConversationLife)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return JsonSerializer.Serialize(new Stored(since, conversations));
    }

    /// <summary>When a post was made, from its id; null for anything that is not a post id.</summary>
    public static DateTimeOffset? TimeOf(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? SnowflakeEpoch.AddMilliseconds(value >> 22)
            : null;

    private static string Key(string query) => EntryIdentity.Hash(query)[..16];

    private sealed record Stored(Dictionary<string, string>? Since, Dictionary<string, string>? Conversations);
}
