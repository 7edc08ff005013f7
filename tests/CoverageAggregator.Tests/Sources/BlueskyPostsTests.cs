using CoverageAggregator.Sources.Bluesky;

namespace CoverageAggregator.Tests.Sources;

public class BlueskyPostsTests
{
    private static BlueskyWire.PostView View(string handle) => new(
        "at://did:plc:abc/app.bsky.feed.post/3kxyz",
        new BlueskyWire.Author("did:plc:abc", handle, "Someone"),
        new BlueskyWire.PostRecord("hello", new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), null, null, null),
        null,
        null);

    [Fact]
    public void APostIsAtItsBskyAppUrlByHandleAndAlsoAtItsAtUriAndDidForm()
    {
        var post = BlueskyPosts.From(View("someone.example"))!;

        Assert.Equal("https://bsky.app/profile/someone.example/post/3kxyz", post.Url);
        Assert.Equal(["at://did:plc:abc/app.bsky.feed.post/3kxyz", "https://bsky.app/profile/did:plc:abc/post/3kxyz"], post.AlsoAt);
    }

    [Fact]
    public void AnAccountWithAnInvalidHandleIsReachedByItsDid()
    {
        var post = BlueskyPosts.From(View("handle.invalid"))!;

        Assert.Equal("https://bsky.app/profile/did:plc:abc/post/3kxyz", post.Url);
        Assert.Equal("did:plc:abc", post.Author);
    }

    [Fact]
    public void APostWithoutAnAtUriIsSkipped() =>
        Assert.Null(BlueskyPosts.From(View("someone.example") with { Uri = "https://example.org/not-a-post" }));
}
