using System.Net;
using System.Text;

namespace CoverageAggregator.Tests.Support;

/// <summary>
/// Serves a folder of saved pages from loopback: a request for /host/path answers files/host/path (index.html for a
/// path ending in /), with {{BASE}} in the body replaced by the server's address; anything else is 404.
/// </summary>
public static class FileSite
{
    public static LoopbackServer Serve(string folder)
    {
        LoopbackServer? server = null;
        server = new LoopbackServer(async context =>
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var file = Path.GetFullPath(Path.Combine(folder, "files", path.TrimStart('/') + (path.EndsWith('/') ? "index.html" : "")));
            if (!file.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(file))
            {
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
            }

            var body = Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(file)).Replace("{{BASE}}", server!.BaseUrl, StringComparison.Ordinal));
            context.Response.ContentType = body.AsSpan().StartsWith("<?xml"u8) ? "application/xml; charset=utf-8" : "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
        });
        return server;
    }
}
