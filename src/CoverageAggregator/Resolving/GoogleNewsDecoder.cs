using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CoverageAggregator.Configuration;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Resolving;

/// <summary>
/// Turns a current Google News article link (an opaque CBMi… token) into the publisher's URL the way Google's own
/// reader does: the link's page carries a signature and a timestamp (<c>data-n-a-sg</c>, <c>data-n-a-ts</c> on
/// <c>c-wiz &gt; div[jscontroller]</c>), and the batchexecute endpoint beside it answers the <c>Fbv4je</c> RPC
/// (<c>garturlreq</c> with the token, timestamp and signature) with <c>garturlres</c> and the article URL. The protocol
/// is the one the googlenewsdecoder package (SSujitX/google-news-url-decoder, googlenewsdecoder/_parse.py) and other
/// public clients use in 2026.
/// Google's consent wall (servers in the EU are sent to consent.google.com, "Before you continue") is passed the way
/// public clients do it: every request to Google carries a SOCS cookie that records the choice (whoogle-search PR #1054,
/// searxng issue #3277); it goes to Google only, never to a publisher (<see cref="Fetcher"/> sends custom headers to the
/// requested authority alone). A link that redirects to the publisher (the old reader) is that publisher's article.
/// Politeness: one request to Google at a time, at least <see cref="GoogleNewsOptions.MinIntervalMilliseconds"/>
/// apart; after a 429 or 503 no request until Retry-After or a doubling pause has passed. Decoded links are cached;
/// failures are not, so the next run tries again.
/// </summary>
public sealed partial class GoogleNewsDecoder(Fetcher fetcher, IOptions<CoverageOptions> options, TimeProvider? time = null) : IDisposable
{
    private const string Rpc = "Fbv4je";

    /// <summary>The consent choice ("reject all") Google's consent page would store; without it an EU server gets the wall.</summary>
    private static readonly IReadOnlyDictionary<string, string> ConsentCookie = new Dictionary<string, string> { ["Cookie"] = "SOCS=CAESHAgBEhIaAB" };
    private static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);

    private readonly GoogleNewsOptions _options = options.Value.GoogleNews;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, string> _decoded = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _nextRequestAt = DateTimeOffset.MinValue;
    private TimeSpan _pause = TimeSpan.Zero;

    /// <summary>Why the last decode did not give a URL, for the caller's health report; null after a success.</summary>
    public sealed record Outcome(string? Url, string? Problem, bool TryLater)
    {
        public static Outcome Found(string url) => new(url, null, false);

        public static Outcome Failed(string problem, bool tryLater) => new(null, problem, tryLater);
    }

    /// <summary>The publisher's article for a Google News article link, or why there is none (now).</summary>
    public async Task<Outcome> DecodeAsync(string googleNewsUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(googleNewsUrl, UriKind.Absolute, out var link) || GoogleNewsLinks.ArticleToken(link) is not { } token)
        {
            return Outcome.Failed("not a Google News article link", tryLater: false);
        }

        if (GoogleNewsLinks.DecodeArticleUrl(googleNewsUrl) is { } old)
        {
            return Outcome.Found(old);
        }

        if (_decoded.TryGetValue(token, out var cached))
        {
            return Outcome.Found(cached);
        }

        var page = await PoliteFetchAsync(new FetchRequest(link, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", Headers: ConsentCookie), cancellationToken).ConfigureAwait(false);
        if (!page.IsOk)
        {
            return Outcome.Failed($"Google News article page: {page.Problem}", page.MayPassLater);
        }

        if (!GoogleNewsLinks.IsGooglePage(page.FinalUrl) && !GoogleNewsLinks.IsGoogleNews(page.FinalUrl) && Accept(page.FinalUrl.AbsoluteUri) is { } landed)
        {
            return Remember(token, landed); // the link redirected to the publisher
        }

        if (ReadSignature(TextDecoding.Decode(page.Body, page.Charset)) is not { } signature)
        {
            return Outcome.Failed(
                page.FinalUrl.Host.StartsWith("consent.", StringComparison.OrdinalIgnoreCase)
                    ? "Google answered with its consent page instead of the article page"
                    : "the Google News article page carries no signature (data-n-a-sg)",
                tryLater: true);
        }

        var body = Encoding.UTF8.GetBytes(RequestBody(token, signature.Timestamp, signature.Value, Edition(link)));
        var answer = await PoliteFetchAsync(
            new FetchRequest(GoogleNewsLinks.BatchExecuteUrl(link), Accept: "*/*", Headers: ConsentCookie, Body: new FetchBody(body, "application/x-www-form-urlencoded;charset=UTF-8")),
            cancellationToken).ConfigureAwait(false);
        if (!answer.IsOk)
        {
            return Outcome.Failed($"Google News batchexecute: {answer.Problem}", answer.MayPassLater);
        }

        if (ReadArticleUrl(Encoding.UTF8.GetString(answer.Body)) is not { } url)
        {
            return Outcome.Failed("Google News batchexecute answered without an article URL", tryLater: true);
        }

        return Remember(token, url);
    }

    private Outcome Remember(string token, string url)
    {
        if (_decoded.Count > 50_000)
        {
            _decoded.Clear();
        }

        _decoded[token] = url;
        return Outcome.Found(url);
    }

    /// <summary>The signature and timestamp on a Google News article page; null when the page has none.</summary>
    public static (string Value, string Timestamp)? ReadSignature(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var holder = document.QuerySelector("c-wiz > div[jscontroller][data-n-a-sg][data-n-a-ts]") ?? document.QuerySelector("[data-n-a-sg][data-n-a-ts]");
        return holder?.GetAttribute("data-n-a-sg") is { Length: > 0 } value && holder.GetAttribute("data-n-a-ts") is { Length: > 0 } timestamp
            ? (value, timestamp)
            : null;
    }

    /// <summary>The form body of one <c>Fbv4je</c> call: <c>f.req=[[["Fbv4je","[\"garturlreq\",[context],token,ts,sig]",null,"generic"]]]</c>.</summary>
    public static string RequestBody(string token, string timestamp, string signature, string edition)
    {
        using var inner = new MemoryStream();
        using (var json = new Utf8JsonWriter(inner))
        {
            json.WriteStartArray();
            json.WriteStringValue("garturlreq");
            WriteContext(json, edition);
            json.WriteStringValue(token);
            if (long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                json.WriteNumberValue(seconds);
            }
            else
            {
                json.WriteStringValue(timestamp);
            }

            json.WriteStringValue(signature);
            json.WriteEndArray();
        }

        var request = JsonSerializer.Serialize(new object?[] { new object?[] { new object?[] { Rpc, Encoding.UTF8.GetString(inner.ToArray()), null, "generic" } } });
        return "f.req=" + Uri.EscapeDataString(request);
    }

    /// <summary>
    /// The article URL in a batchexecute answer: <c>)]}'</c>, then chunks (a length line, a JSON array line) whose
    /// <c>wrb.fr</c> row for <c>Fbv4je</c> holds the JSON string <c>["garturlres","URL",…]</c>. Null when none does.
    /// </summary>
    public static string? ReadArticleUrl(string answer)
    {
        foreach (var line in answer.Split('\n'))
        {
            var text = line.Trim();
            if (!text.StartsWith('['))
            {
                continue;
            }

            try
            {
                using var chunk = JsonDocument.Parse(text);
                if (FindInRows(chunk.RootElement) is { } found)
                {
                    return found;
                }
            }
            catch (JsonException)
            {
                // A chunk cut short or not JSON: the pattern below still finds the answer.
            }
        }

        return GarturlresPattern().Match(answer) is { Success: true } match ? Accept(Regex.Unescape(match.Groups[1].Value)) : null;
    }

    private static string? FindInRows(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        if (element.GetArrayLength() >= 3 && element[0].ValueKind == JsonValueKind.String && element[0].GetString() == "wrb.fr"
            && element[2].ValueKind == JsonValueKind.String)
        {
            try
            {
                using var payload = JsonDocument.Parse(element[2].GetString()!);
                var root = payload.RootElement;
                return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() >= 2 && root[0].ValueKind == JsonValueKind.String
                    && root[0].GetString() == "garturlres" && root[1].ValueKind == JsonValueKind.String
                    ? Accept(root[1].GetString())
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        foreach (var child in element.EnumerateArray())
        {
            if (FindInRows(child) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Accept(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
        && UrlCanonicalizer.Canonicalize(url) is { } canonical && !GoogleNewsLinks.IsGoogleNews(canonical) ? canonical : null;

    private static void WriteContext(Utf8JsonWriter json, string edition)
    {
        // The client context Google's reader sends: placeholders, flags and the edition (country:language).
        json.WriteStartArray();
        json.WriteStartArray();
        json.WriteStringValue("X");
        json.WriteStringValue("X");
        json.WriteStartArray();
        json.WriteStringValue("X");
        json.WriteStringValue("X");
        json.WriteEndArray();
        json.WriteNullValue();
        json.WriteNullValue();
        json.WriteNumberValue(1);
        json.WriteNumberValue(1);
        json.WriteStringValue(edition);
        json.WriteNullValue();
        json.WriteNumberValue(1);
        for (var i = 0; i < 5; i++)
        {
            json.WriteNullValue();
        }

        json.WriteNumberValue(0);
        json.WriteNumberValue(1);
        json.WriteEndArray();
        json.WriteStringValue("X");
        json.WriteStringValue("X");
        json.WriteNumberValue(1);
        json.WriteStartArray();
        json.WriteNumberValue(1);
        json.WriteNumberValue(1);
        json.WriteNumberValue(1);
        json.WriteEndArray();
        json.WriteNumberValue(1);
        json.WriteNumberValue(1);
        json.WriteNullValue();
        json.WriteNumberValue(0);
        json.WriteNumberValue(0);
        json.WriteNullValue();
        json.WriteNumberValue(0);
        json.WriteEndArray();
    }

    /// <summary>The edition the link asks for (its ceid parameter, e.g. "GB:en"), else US English.</summary>
    private static string Edition(Uri link)
    {
        foreach (var pair in link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("ceid=", StringComparison.Ordinal) && Uri.UnescapeDataString(pair[5..]) is { Length: > 2 } ceid && ceid.Contains(':', StringComparison.Ordinal))
            {
                return ceid;
            }
        }

        return "US:en";
    }

    private async Task<FetchResult> PoliteFetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (_nextRequestAt - now > TimeSpan.FromMilliseconds(_options.MinIntervalMilliseconds))
            {
                // Paused after Google asked us to slow down: do not knock again before the pause ends.
                return FetchResult.Fail(request.Url, $"Google News asked to slow down; next try after {_nextRequestAt:u}", 429, retryAfter: _nextRequestAt - now);
            }

            if (_nextRequestAt > now)
            {
                await Task.Delay(_nextRequestAt - now, _time, cancellationToken).ConfigureAwait(false);
            }

            var result = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
            var after = _time.GetUtcNow();
            if (result.StatusCode is 429 or 503)
            {
                _pause = _pause == TimeSpan.Zero ? FirstPause : TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, TimeSpan.FromMinutes(_options.MaxBackoffMinutes).Ticks));
                _nextRequestAt = after + (result.RetryAfter is { } retryAfter && retryAfter > _pause ? retryAfter : _pause);
            }
            else
            {
                _pause = TimeSpan.Zero;
                _nextRequestAt = after + TimeSpan.FromMilliseconds(_options.MinIntervalMilliseconds);
            }

            return result;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    [GeneratedRegex("""garturlres\\*",\\*"(https?:[^"\\]+(?:\\u[0-9a-fA-F]{4}[^"\\]*)*)""")]
    private static partial Regex GarturlresPattern();
}
