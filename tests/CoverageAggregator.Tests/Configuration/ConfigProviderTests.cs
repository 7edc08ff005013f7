using CoverageAggregator.Configuration;
using CoverageAggregator.Fetching;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Tests.Configuration;

public class ConfigProviderTests
{
    private const string Sources = """{"essays":[{"id":"long-fuse","title":"The Long Fuse","urls":["https://fusenotes.example/p/the-long-fuse"]}],"feeds":[]}""";

    private static ConfigProvider Provider(string path) =>
        new(Options.Create(new CoverageOptions { ConfigPath = path }), new AddressGuard([]), [], TimeProvider.System);

    [Fact]
    public async Task TheSourcesFileIsReadOnceWhenSeveralAskForItAtOnce()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("config-").FullName, "sources.json");
        await File.WriteAllTextAsync(path, Sources);
        var provider = Provider(path);

        var asked = new[] { provider.GetFileAsync(CancellationToken.None), provider.GetAsync(CancellationToken.None), provider.GetFileAsync(CancellationToken.None) };
        var configs = await Task.WhenAll(asked);

        Assert.All(configs, c => Assert.Same(configs[0], c));
        Assert.Equal("long-fuse", Assert.Single(configs[0].Essays).Id);
    }

    [Fact]
    public async Task ASourcesFileThatCouldNotBeReadIsReadAgainByTheNextCaller()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("config-").FullName, "sources.json");
        var provider = Provider(path);

        await Assert.ThrowsAsync<ConfigException>(() => provider.GetFileAsync(CancellationToken.None));
        await File.WriteAllTextAsync(path, Sources);
        var config = await provider.GetFileAsync(CancellationToken.None);

        Assert.Equal("long-fuse", Assert.Single(config.Essays).Id);
    }
}
