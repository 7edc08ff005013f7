using System.Text;
using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

public class SnapshotCompressionTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes(
        "{\"essayId\":\"essay-1\",\"json\":\"" + string.Concat(Enumerable.Repeat("the same story, quoted again; ", 2000)) + "\"}");

    [Fact]
    public void ACompressedSnapshotIsGzipAndExpandsToTheSameBytes()
    {
        var stored = SnapshotCompression.Compress(Json);

        Assert.Equal(new byte[] { 0x1f, 0x8b }, stored.ToArray()[..2]);
        Assert.True(stored.ToMemory().Length < Json.Length / 10);
        Assert.Equal(Json, SnapshotCompression.Expand(stored).ToArray());
    }

    [Fact]
    public void APlainJsonBlobStoredBeforeCompressionIsReadAsItIs()
    {
        var plain = new BinaryData(Json);

        Assert.Equal(Json, SnapshotCompression.Expand(plain).ToArray());
        Assert.Equal(Array.Empty<byte>(), SnapshotCompression.Expand(new BinaryData(Array.Empty<byte>())).ToArray());
    }
}
