using System.Text;
using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>Calling a function class directly: a request to pass in, the answer it writes, and a host with one essay.</summary>
public static class FunctionCalls
{
    /// <summary>A host whose sources file has one essay ("essay-1") and one unreachable feed, failing fast.</summary>
    public static async Task<TestHost> HostWithOneEssayAsync() =>
        new(await TestConfigs.WriteAsync(TestConfigs.OneUnreachableFeed),
            new Dictionary<string, string?> { ["Coverage:Fetch:TimeoutSeconds"] = "2", ["Coverage:Fetch:MaxRetries"] = "0" });

    public static CoverageItem Item(string url, string title) => new()
    {
        EssayId = "essay-1",
        Url = url,
        Title = title,
        Outlet = "News",
        CitesBy = CitesBy.Link,
        PublishedAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
        FirstSeenAt = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
    };

    public static HttpRequest Request(string? ifNoneMatch = null, string? query = null, string? body = null, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (body is not null)
        {
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            context.Request.ContentType = "application/json";
        }

        return context.Request;
    }

    public static async Task<(int Status, string Body, Dictionary<string, string> Headers)> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()), headers);
    }
}
