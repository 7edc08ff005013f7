using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CoverageAggregator.Publishing;

/// <summary>
/// A host-neutral HTTP answer. The Functions app returns it as an IActionResult, the CLI host as an IResult:
/// both write it the same way, so the two hosts serve identical responses from the same handler code.
/// </summary>
public sealed record HttpReply(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers) : IResult, IActionResult
{
    /// <summary>No scripts, no external anything: the pages are self-contained server-rendered HTML with inline CSS.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static HttpReply Html(string body, string? etag = null) => Ok("text/html; charset=utf-8", body, etag, html: true);

    public static HttpReply Json(string body, string? etag = null) => Ok("application/json; charset=utf-8", body, etag);

    public static HttpReply Atom(string body, string? etag = null) => Ok("application/atom+xml; charset=utf-8", body, etag);

    public static HttpReply Csv(string body, string fileName, string? etag = null) =>
        Ok("text/csv; charset=utf-8", body, etag).WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"");

    public static HttpReply NotFound(string message) => Error(404, message);

    public static HttpReply Unauthorized() => Error(401, "a valid API key is required (header X-Api-Key)");

    public static HttpReply Error(int status, string message) =>
        new(status, "application/json; charset=utf-8", $$"""{"error":{{System.Text.Json.JsonSerializer.Serialize(message)}}}""", SecurityHeaders(false));

    /// <summary>An uncached JSON answer (admin endpoints).</summary>
    public static HttpReply Private(string json, int status = 200)
    {
        var headers = SecurityHeaders(false);
        headers["Cache-Control"] = "no-store";
        return new HttpReply(status, "application/json; charset=utf-8", json, headers);
    }

    /// <summary>The body already encoded as UTF-8 (a stored snapshot's), written as is instead of encoding <see cref="Body"/> per request.</summary>
    public ReadOnlyMemory<byte>? Utf8Body { get; init; }

    public HttpReply WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    public static HttpReply Ok(string contentType, string body, string? etag, bool html = false)
    {
        var headers = SecurityHeaders(html);
        headers["Cache-Control"] = "public, max-age=60";
        headers["ETag"] = etag ?? "\"" + Feeds.EntryIdentity.Hash(body) + "\"";
        return new HttpReply(200, contentType, body, headers);
    }

    /// <summary>Answers 304 when the client already holds this version.</summary>
    public HttpReply ForRequest(string? ifNoneMatch) =>
        Status == 200 && ifNoneMatch is not null && Headers.TryGetValue("ETag", out var etag)
        && ifNoneMatch.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")
            ? this with { Status = 304, Body = "", Utf8Body = null }
            : this;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Status == 304)
        {
            return;
        }

        response.ContentType = ContentType;
        var bytes = Utf8Body ?? Encoding.UTF8.GetBytes(Body);
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }

    private static Dictionary<string, string> SecurityHeaders(bool html)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Content-Type-Options"] = "nosniff",
            ["Referrer-Policy"] = "no-referrer",
        };
        if (html)
        {
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
        }

        return headers;
    }
}
