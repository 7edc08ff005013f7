using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Deduplication;

/// <summary>
/// A MinHash signature of a text: 128 minima over its 5-word shingles (words normalised as for quote matching, so
/// typographic quotes, case and spacing do not count). The share of equal minima estimates the Jaccard similarity of
/// the two shingle sets, with a standard error of at most 0.045. Serialised as "v1:{shingles}:{base64}" (about 700
/// characters, far under the 64 KiB property limit of Azure Tables).
/// </summary>
public sealed class TextSignature
{
    public const int Hashes = 128;
    public const int ShingleWords = 5;

    /// <summary>Texts with fewer shingles than this (about 35 words) are too short to tell a copy from a shared quote.</summary>
    public const int MinShingles = 30;

    private const string Version = "v1";

    private TextSignature(uint[] minima, int shingles)
    {
        Minima = minima;
        Shingles = shingles;
    }

    public IReadOnlyList<uint> Minima { get; }

    /// <summary>How many distinct shingles the text has.</summary>
    public int Shingles { get; }

    /// <summary>The signature of a text; null when the text is too short to be judged.</summary>
    public static TextSignature? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words.Split(text);
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            shingles.Add(Fnv1a(words, i));
        }

        if (shingles.Count < MinShingles)
        {
            return null;
        }

        var minima = new uint[Hashes];
        Array.Fill(minima, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var k = 0; k < Hashes; k++)
            {
                var h = (uint)SplitMix(shingle ^ Seeds[k]);
                if (h < minima[k])
                {
                    minima[k] = h;
                }
            }
        }

        return new TextSignature(minima, shingles.Count);
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets (0..1).</summary>
    public double Jaccard(TextSignature other)
    {
        var equal = 0;
        for (var k = 0; k < Hashes; k++)
        {
            if (Minima[k] == other.Minima[k])
            {
                equal++;
            }
        }

        return equal / (double)Hashes;
    }

    /// <summary>Estimated share of the smaller text's shingles that the other text also has: |A∩B| / min(|A|,|B|).</summary>
    public double Containment(TextSignature other)
    {
        var j = Jaccard(other);
        var intersection = j * (Shingles + other.Shingles) / (1 + j);
        return Math.Min(1, intersection / Math.Min(Shingles, other.Shingles));
    }

    public string Serialize()
    {
        var bytes = new byte[Hashes * 4];
        for (var k = 0; k < Hashes; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(k * 4), Minima[k]);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Version}:{Shingles}:{Convert.ToBase64String(bytes)}");
    }

    /// <summary>Reads a stored signature; null for anything else (absent, older version, damaged).</summary>
    public static TextSignature? Parse(string? value)
    {
        var parts = value?.Split(':');
        if (parts is not [Version, var count, var data] || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var shingles))
        {
            return null;
        }

        var bytes = new byte[Hashes * 4];
        if (!Convert.TryFromBase64String(data, bytes, out var written) || written != bytes.Length)
        {
            return null;
        }

        var minima = new uint[Hashes];
        for (var k = 0; k < Hashes; k++)
        {
            minima[k] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(k * 4));
        }

        return new TextSignature(minima, shingles);
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, Hashes).Select(i => SplitMix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    private static ulong Fnv1a(IReadOnlyList<string> words, int start)
    {
        var hash = 14695981039346656037UL;
        for (var i = start; i < start + ShingleWords; i++)
        {
            foreach (var b in Encoding.UTF8.GetBytes(words[i]))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            hash = (hash ^ 0x20) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
