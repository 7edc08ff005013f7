namespace CoverageAggregator.Matching;

/// <summary>
/// An essay's sentences as quote matching reads them, built once per <see cref="EssayProfile"/>: each distinct word
/// numbered, the words of all sentences in one array (so a sentence, and the pair of adjacent sentences it starts, are
/// both a slice of it), and for each word the sentences it occurs in. The last gives, for a quoted span, how many of its
/// words a sentence or pair contains at all: an upper bound of their alignment, which tells the few targets worth aligning.
/// </summary>
internal sealed class SentenceIndex
{
    /// <summary>The number of a word no sentence has: it equals no word of any sentence.</summary>
    public const int Unknown = -1;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly int[] _words;
    private readonly int[] _starts;
    private readonly int[][] _sentencesOf;

    /// <summary>For each run of <see cref="GramLength"/> words (by the hash of their numbers), where in the words of all sentences it starts.</summary>
    private readonly Dictionary<long, List<int>> _grams = [];

    public SentenceIndex(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        _starts = new int[sentences.Count + 1];
        _words = new int[sentences.Sum(s => s.Count)];
        var sentencesOf = new List<List<int>>();
        var at = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            _starts[s] = at;
            foreach (var word in sentences[s])
            {
                if (!_ids.TryGetValue(word, out var id))
                {
                    id = _ids.Count;
                    _ids.Add(word, id);
                    sentencesOf.Add([]);
                }

                _words[at++] = id;
                if (sentencesOf[id] is var list && (list.Count == 0 || list[^1] != s))
                {
                    list.Add(s);
                }
            }
        }

        _starts[sentences.Count] = at;
        _sentencesOf = sentencesOf.Select(l => l.ToArray()).ToArray();
        for (var p = 0; p + GramLength <= _words.Length; p++)
        {
            var key = Gram(_words.AsSpan(p, GramLength));
            if (!_grams.TryGetValue(key, out var positions))
            {
                _grams[key] = positions = [];
            }

            positions.Add(p);
        }
    }

    /// <summary>The shortest run of words looked up verbatim: a shorter one is too common to say anything.</summary>
    public const int GramLength = 4;

    /// <summary>
    /// The longest run of <paramref name="text"/>'s words from <paramref name="at"/> on that the sentences hold word for
    /// word (running on from one sentence into the next), and where it starts in them; length 0 when no run of
    /// <see cref="GramLength"/> words is there.
    /// </summary>
    public (int Length, int Position) LongestRun(ReadOnlySpan<int> text, int at)
    {
        if (at + GramLength > text.Length || !_grams.TryGetValue(Gram(text.Slice(at, GramLength)), out var positions))
        {
            return (0, -1);
        }

        var best = (Length: 0, Position: -1);
        foreach (var p in positions)
        {
            var length = 0;
            while (at + length < text.Length && p + length < _words.Length && text[at + length] == _words[p + length] && text[at + length] != Unknown)
            {
                length++;
            }

            if (length >= GramLength && length > best.Length)
            {
                best = (length, p);
            }
        }

        return best;
    }

    /// <summary>The sentence that the word at <paramref name="position"/> (in the words of all sentences) belongs to.</summary>
    public int SentenceAt(int position)
    {
        var found = Array.BinarySearch(_starts, position);
        return found >= 0 ? LastStartingAt(found) : ~found - 1;
    }

    /// <summary>Where sentence <paramref name="sentence"/> starts in the words of all sentences.</summary>
    public int Start(int sentence) => _starts[sentence];

    /// <summary>Of sentences starting at the same position (only an empty one can share its start), the last: the one that has the word.</summary>
    private int LastStartingAt(int index)
    {
        while (index + 1 < _starts.Length - 1 && _starts[index + 1] == _starts[index])
        {
            index++;
        }

        return index;
    }

    private static long Gram(ReadOnlySpan<int> ids)
    {
        var hash = 17L;
        foreach (var id in ids)
        {
            hash = (hash * 1_000_003) ^ id;
        }

        return hash;
    }

    /// <summary>How many sentences there are.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The words of <paramref name="width"/> sentences from <paramref name="first"/> on, in order.</summary>
    public ReadOnlySpan<int> Words(int first, int width) => _words.AsSpan(_starts[first], Length(first, width));

    /// <summary>How many words <paramref name="width"/> sentences from <paramref name="first"/> on have.</summary>
    public int Length(int first, int width) => _starts[first + width] - _starts[first];

    /// <summary>The numbers of <paramref name="words"/>; <see cref="Unknown"/> for a word no sentence has.</summary>
    public int[] Ids(IReadOnlyList<string> words)
    {
        var ids = new int[words.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _ids.TryGetValue(words[i], out var id) ? id : Unknown;
        }

        return ids;
    }

    /// <summary>
    /// For each sentence s, how many words of <paramref name="span"/> (counted with repeats) occur in s
    /// (<paramref name="single"/>[s]); for each pair of adjacent sentences s, s+1, how many occur in either
    /// (<paramref name="pair"/>[s]). Both spans hold <see cref="Count"/> zeros on entry.
    /// </summary>
    public void CountShared(ReadOnlySpan<int> span, Span<int> single, Span<int> pair)
    {
        var lastPair = Count - 2;
        foreach (var id in span)
        {
            if (id == Unknown)
            {
                continue;
            }

            // The sentences ascend, so the pairs they belong to do too: each pair counts a word once.
            var counted = -1;
            foreach (var s in _sentencesOf[id])
            {
                single[s]++;
                if (s > 0 && s - 1 > counted)
                {
                    pair[s - 1]++;
                    counted = s - 1;
                }

                if (s <= lastPair && s > counted)
                {
                    pair[s]++;
                    counted = s;
                }
            }
        }
    }
}
