using CoverageAggregator.Publishing;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Tests.Publishing;

public class SourceStatusPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HostileSourceNamesErrorsAndUrlsAreEncoded()
    {
        var source = new SourceDescriptor("s1", SourceKinds.Feed, "<script>alert(1)</script>", "javascript:alert(1)");
        var state = new SourceState { CurrentUrl = "javascript:alert(1)", LastError = "<img src=x onerror=alert(1)>", ConsecutiveFailures = 2, LastErrorAt = Now };

        var html = SourceStatusPage.Render([SourceStatusRow.Of(source, state)], Now);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EachSourceShowsItsStatusFailuresAndNextDueTime()
    {
        var ok = new SourceDescriptor("a", SourceKinds.Feed, "Alpha", "https://a.example/feed");
        var waiting = new SourceDescriptor("b", SourceKinds.Feed, "Beta", "https://b.example/feed");
        var gone = new SourceDescriptor("c", SourceKinds.Feed, "Gamma", "https://c.example/feed");

        var html = SourceStatusPage.Render(
        [
            SourceStatusRow.Of(ok, new SourceState { LastSuccessAt = Now, NextDueAt = Now.AddMinutes(15) }),
            SourceStatusRow.Of(waiting, new SourceState { ConsecutiveFailures = 1, LastError = "503", RetryNotBefore = Now.AddHours(1), NextDueAt = Now.AddHours(1) }),
            SourceStatusRow.Of(gone, new SourceState { Disabled = true, LastError = "410 Gone" }),
        ], Now);

        Assert.Contains("<td class=\"ok\">ok</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"waiting\">waiting</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"disabled\">disabled</td>", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-25 13:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("3 sources, 2 failing or disabled", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AMeteredSourceShowsThePostsItsLastRunRead()
    {
        var x = new SourceDescriptor("x", SourceKinds.X, "X", "https://api.x.com");
        var feed = new SourceDescriptor("f", SourceKinds.Feed, "Feed", "https://f.example/feed");

        var html = SourceStatusPage.Render(
        [
            SourceStatusRow.Of(x, new SourceState { LastSuccessAt = Now, LastItemCount = 7, LastPostsRead = 8 }),
            SourceStatusRow.Of(feed, new SourceState { LastSuccessAt = Now, LastItemCount = 3 }),
        ], Now);

        Assert.Contains("<th>posts read</th>", html, StringComparison.Ordinal);
        Assert.Contains("</td><td>7</td><td>0</td><td>8</td>", html, StringComparison.Ordinal);
        Assert.Contains("</td><td>3</td><td>0</td><td>—</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedShowsTheEntriesWaitingForAnotherTry()
    {
        var feed = new SourceDescriptor("f", SourceKinds.Feed, "Feed", "https://f.example/feed");

        var html = SourceStatusPage.Render([SourceStatusRow.Of(feed, new SourceState { LastSuccessAt = Now, LastItemCount = 3, PendingEntries = 140 })], Now);

        Assert.Contains("<th>pending</th>", html, StringComparison.Ordinal);
        Assert.Contains("</td><td>3</td><td>140</td><td>—</td>", html, StringComparison.Ordinal);
    }
}
