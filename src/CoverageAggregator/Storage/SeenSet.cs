using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CoverageAggregator.Storage;

/// <summary>
/// The entries of a feed's latest body that are judged, kept in the source's state (<see cref="SourceState.SeenEntries"/>)
/// instead of a row each: 8 bytes of a hash of each entry's id, at most <see cref="MaxEntries"/> of them, in the order
/// they were added. A feed of 50 entries costs 400 bytes in a row written anyway, where a row per entry cost a
/// transaction per changed feed and a query before it. Entries beyond the cap are kept as rows (<see cref="SeenEntryStore"/>).
/// </summary>
public sealed class SeenSet
{
    /// <summary>
    /// 16 KiB: a transaction of 100 states (<see cref="TableHandle.MaxBatch"/>), each with a full set, stays near 2 MiB,
    /// under the service's 4 MiB; a binary property may hold 64 KiB.
    /// </summary>
    public const int MaxEntries = 2048;

    private const int KeySize = sizeof(ulong);

    private readonly List<ulong> _keys = [];
    private readonly HashSet<ulong> _lookup = [];

    private SeenSet()
    {
    }

    public static SeenSet Empty => new();

    public int Count => _keys.Count;

    /// <summary>True when the cap was reached: entries may have been judged that the set does not hold.</summary>
    public bool IsFull => _keys.Count >= MaxEntries;

    /// <summary>The set as stored; an empty or malformed value (a cut write) reads as an empty set.</summary>
    public static SeenSet Read(byte[]? stored)
    {
        var set = new SeenSet();
        if (stored is null || stored.Length % KeySize != 0)
        {
            return set;
        }

        for (var offset = 0; offset < stored.Length && !set.IsFull; offset += KeySize)
        {
            set.AddKey(BinaryPrimitives.ReadUInt64LittleEndian(stored.AsSpan(offset, KeySize)));
        }

        return set;
    }

    public bool Contains(string entryId) => _lookup.Contains(Key(entryId));

    /// <summary>Adds the entry; false when the set is full (the caller keeps it elsewhere) and the entry is not in it.</summary>
    public bool Add(string entryId)
    {
        var key = Key(entryId);
        return _lookup.Contains(key) || (!IsFull && AddKey(key));
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[_keys.Count * KeySize];
        for (var i = 0; i < _keys.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * KeySize, KeySize), _keys[i]);
        }

        return bytes;
    }

    private bool AddKey(ulong key)
    {
        if (_lookup.Add(key))
        {
            _keys.Add(key);
        }

        return true;
    }

    /// <summary>64 bits of SHA-256: two entries of one feed share a key once in about 10^15 feeds of 2,048 entries.</summary>
    private static ulong Key(string entryId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(entryId), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
