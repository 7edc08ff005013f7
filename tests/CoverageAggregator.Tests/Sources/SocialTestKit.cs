using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Tests.Sources;

/// <summary>
/// What the social collector tests share: an invented essay ("The Tide Clock" by Ana Reyes in Harbor Letters), a fetcher
/// without DI, a source context, and a loopback API that answers from TestData/Social by path and query.
/// </summary>
internal static class SocialTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    public const string EssayUrl = "https://harborletters.example/p/the-tide-clock";
    public const string MirrorUrl = "https://anareyes.example/2026/03/the-tide-clock/";
    public const string Quote = "A harbour that cannot read its own tides will always be surprised by the sea.";

    public static EssayProfile Essay() => new(
        new EssayConfig
        {
            Id = "tide-clock",
            Title = "The Tide Clock",
            Author = "Ana Reyes",
            Publication = "Harbor Letters",
            Urls = [EssayUrl, MirrorUrl],
            Keywords = ["The Tide Clock", "tide clock", "Ana Reyes"],
            PublishedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        },
        [],
        "Ports run on schedules that the ocean ignores.\n" + Quote + "\nThe cranes are fast, but the water decides when they may work.");

    public static Fetcher Fetcher(TimeProvider? time = null) =>
        new(new HttpClient(), Options.Create(new CoverageOptions()), NullLogger<Fetcher>.Instance, time);

    public static CoverageJudge Judge(Fetcher fetcher) => new(new PageResolver(fetcher));

    public static SourceContext Context(string kind, string baseUrl, string? bearerToken = null, object? extra = null, EssayProfile? essay = null, DateTimeOffset? now = null)
    {
        var extraFields = extra is null
            ? null
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(extra));
        var social = new SocialConfig { Type = kind, BaseUrl = baseUrl, BearerToken = bearerToken, Extra = extraFields };
        var source = new SourceDescriptor(kind + "-test", kind, kind, baseUrl, social);
        return new SourceContext(source, new SourceState { RowKey = source.Id, CurrentUrl = baseUrl }, [essay ?? Essay()], now ?? Now);
    }
}
