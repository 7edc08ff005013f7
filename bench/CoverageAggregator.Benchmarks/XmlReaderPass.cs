using System.Xml;

namespace CoverageAggregator.Benchmarks;

/// <summary>The floor: a bare XmlReader over the same bytes, reading every node and doing nothing with it.</summary>
public static class XmlReaderPass
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public static int Read(byte[] document)
    {
        using var stream = new MemoryStream(document, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes;
    }
}
