using System.IO.Compression;

namespace CoverageAggregator.Publishing;

/// <summary>
/// A snapshot blob is stored gzipped: it holds the coverage four times over (JSON, page, Atom, CSV), so it compresses
/// about tenfold (1.7 MB to 0.17 MB for 250 items), and every rebuild uploads it and every instance that serves it
/// without a copy in memory downloads it. Blobs stored before are plain JSON and read as they are.
/// </summary>
internal static class SnapshotCompression
{
    public const string ContentEncoding = "gzip";

    public static BinaryData Compress(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream(json.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>The stored JSON: decompressed when the blob starts with gzip's magic bytes (JSON never does), else as it is.</summary>
    public static BinaryData Expand(BinaryData stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var bytes = stored.ToMemory();
        if (bytes.Length < 2 || bytes.Span[0] != 0x1f || bytes.Span[1] != 0x8b)
        {
            return stored;
        }

        using var gzip = new GZipStream(stored.ToStream(), CompressionMode.Decompress);
        using var json = new MemoryStream(bytes.Length * 8);
        gzip.CopyTo(json);
        return new BinaryData(json.GetBuffer().AsMemory(0, (int)json.Length));
    }
}
