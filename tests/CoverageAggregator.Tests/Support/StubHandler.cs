using System.Net;
using System.Text;

namespace CoverageAggregator.Tests.Support;

/// <summary>An in-memory HTTP answerer: a fixed response per absolute URL, 404 otherwise. Never touches the network.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body, string ContentType, string? Location)> _routes = new(StringComparer.Ordinal);

    public List<string> Requested { get; } = [];

    public StubHandler Add(string url, string body, string contentType = "text/html; charset=utf-8") =>
        Set(url, (HttpStatusCode.OK, body, contentType, null));

    public StubHandler Redirect(string url, string location) => Set(url, (HttpStatusCode.Found, "", "text/plain", location));

    private StubHandler Set(string url, (HttpStatusCode, string, string, string?) route)
    {
        _routes[url] = route;
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        lock (Requested)
        {
            Requested.Add(url); // links are followed at once
        }

        if (!_routes.TryGetValue(url, out var route))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") });
        }

        var response = new HttpResponseMessage(route.Status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(route.Body)) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", route.ContentType);
        if (route.Location is not null)
        {
            response.Headers.Location = new Uri(route.Location);
        }

        return Task.FromResult(response);
    }
}
