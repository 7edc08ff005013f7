using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace CoverageAggregator.Benchmarks;

/// <summary>
/// A TableClient whose every request is answered in memory with an empty result set, never reaching the network or
/// Azurite: it lets CopyIndex load an essay's (empty) index once, after which it is filled by Remember as CoverageStore
/// does after each write. <see cref="Requests"/> counts the requests, so a benchmark can check the index was loaded once.
/// </summary>
public sealed class EmptyTable : HttpMessageHandler
{
    private int _requests;

    private EmptyTable()
    {
    }

    public int Requests => _requests;

    public static (TableClient Client, EmptyTable Handler) Create()
    {
        var handler = new EmptyTable();
        var options = new TableClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        return (new TableClient("UseDevelopmentStorage=true", "items", options), handler);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent("{\"value\":[]}", Encoding.UTF8),
        };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        response.Content.Headers.ContentType.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("odata", "minimalmetadata"));
        return Task.FromResult(response);
    }
}
