using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
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

    private readonly uint[] _minima;

    private TextSignature(uint[] minima, int shingles)
    {
        _minima = minima;
        Shingles = shingles;
    }

    /// <summary>The <see cref="Hashes"/> minima.</summary>
    public ReadOnlySpan<uint> Minima => _minima;

    /// <summary>How many distinct shingles the text has.</summary>
    public int Shingles { get; }

    /// <summary>The signature of a text; null when the text is too short to be judged.</summary>
    public static TextSignature? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Each word's UTF-8 bytes and a space, all in one buffer: a shingle's bytes are one slice of it.
        var normalized = Words.Normalize(text);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalized.Length) + 1);
        var starts = new List<int>();
        var length = 0;
        foreach (var word in Words.In(normalized))
        {
            starts.Add(length);
            length += Encoding.UTF8.GetBytes(word, bytes.AsSpan(length));
            bytes[length++] = 0x20;
        }

        starts.Add(length);
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + ShingleWords < starts.Count; i++)
        {
            shingles.Add(Fnv1a(bytes.AsSpan(starts[i], starts[i + ShingleWords] - starts[i])));
        }

        ArrayPool<byte>.Shared.Return(bytes);
        if (shingles.Count < MinShingles)
        {
            return null;
        }

        var hashes = ArrayPool<ulong>.Shared.Rent(shingles.Count);
        shingles.CopyTo(hashes);
        var minima = new uint[Hashes];
        for (var k = 0; k < Hashes; k += Vector<ulong>.Count)
        {
            Minimise(hashes.AsSpan(0, shingles.Count), k, minima);
        }

        ArrayPool<ulong>.Shared.Return(hashes);
        return new TextSignature(minima, shingles.Count);
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets (0..1).</summary>
    public double Jaccard(TextSignature other) => EqualMinima(_minima, other._minima) / (double)Hashes;

    /// <summary>Estimated share of the smaller text's shingles that the other text also has: |A∩B| / min(|A|,|B|).</summary>
    public double Containment(TextSignature other) => Containment(Jaccard(other), other);

    /// <summary><see cref="Containment(TextSignature)"/> from the Jaccard estimate already made.</summary>
    internal double Containment(double jaccard, TextSignature other)
    {
        var intersection = jaccard * (Shingles + other.Shingles) / (1 + jaccard);
        return Math.Min(1, intersection / Math.Min(Shingles, other.Shingles));
    }

    /// <summary>How many minima are equal, compared a vector at a time (about 15 ns for 128 minima on the 2-core build machine).</summary>
    private static int EqualMinima(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = Vector<uint>.Zero;
        var k = 0;
        for (; k + Vector<uint>.Count <= a.Length; k += Vector<uint>.Count)
        {
            // Equal lanes are all ones, that is uint.MaxValue: subtracting counts one.
            equal -= Vector.Equals(new Vector<uint>(a[k..]), new Vector<uint>(b[k..]));
        }

        var count = (int)Vector.Sum(equal);
        for (; k < a.Length; k++)
        {
            count += a[k] == b[k] ? 1 : 0;
        }

        return count;
    }

    public string Serialize()
    {
        var bytes = new byte[Hashes * 4];
        for (var k = 0; k < Hashes; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(k * 4), _minima[k]);
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

    /// <summary>FNV-1a over a shingle's bytes: each of its words in UTF-8, each followed by a space.</summary>
    private static ulong Fnv1a(ReadOnlySpan<byte> shingle)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in shingle)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// Minima k to k + Vector&lt;ulong&gt;.Count - 1 over all shingles, a vector of seeds at a time: the low 32 bits of
    /// SplitMix(shingle ^ seed), as <see cref="SplitMix"/> computes them one at a time.
    /// </summary>
    private static void Minimise(ReadOnlySpan<ulong> shingles, int k, Span<uint> minima)
    {
        var seeds = new Vector<ulong>(Seeds.AsSpan(k));
        var low = new Vector<ulong>(uint.MaxValue);
        var min = low;
        foreach (var shingle in shingles)
        {
            var x = (new Vector<ulong>(shingle) ^ seeds) + new Vector<ulong>(0x9E3779B97F4A7C15UL);
            x = (x ^ Vector.ShiftRightLogical(x, 30)) * new Vector<ulong>(0xBF58476D1CE4E5B9UL);
            x = (x ^ Vector.ShiftRightLogical(x, 27)) * new Vector<ulong>(0x94D049BB133111EBUL);
            x ^= Vector.ShiftRightLogical(x, 31);
            min = Vector.Min(min, x & low);
        }

        for (var i = 0; i < Vector<ulong>.Count; i++)
        {
            minima[k + i] = (uint)min[i];
        }
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
