using System.Collections.Frozen;

namespace CoverageAggregator.Matching;

/// <summary>
/// How much a run of words says: a stock phrase ("at the end of the day", "the United States and China") is made of
/// common words and says little; a phrase of the essay's own ("no-human-involved AI R&amp;D") says a lot. A word says
/// log2 of its rank among the 10,000 most common English words (a word not among them counts as rank 20,000) beyond
/// what the <see cref="Floor"/> most common words say: "the", "of", "day" say nothing, "involved" 3.4 bits, "rubicon"
/// 7.3. A Han or kana character that is a common word of its own (的, は, 我) says nothing, any other one 3 bits.
/// The lists and their sources are in Matching/Data/README.md.
/// </summary>
public static class CommonWords
{
    /// <summary>The rank given to a word that is not among the common words.</summary>
    private const int UnlistedRank = 20_000;

    /// <summary>Words at least this common say nothing: log2 of the rank of the 128th most common word.</summary>
    private const double Floor = 7;

    private static readonly Lazy<FrozenDictionary<string, int>> Ranks = new(() =>
        Lines("common-words-en.txt").Select((word, i) => (word, rank: i + 1))
            .DistinctBy(w => w.word)
            .ToFrozenDictionary(w => w.word, w => w.rank, StringComparer.Ordinal));

    private static readonly Lazy<FrozenSet<char>> CommonCharacters = new(() =>
        Lines("common-characters-zh-ja.txt").SelectMany(l => l).ToFrozenSet());

    /// <summary>The information of a run of words (<see cref="Words.Split"/>), in bits.</summary>
    public static double Bits(IEnumerable<string> words) => words.Sum(Bits);

    /// <summary>The information of one word (<see cref="Words.Split"/>), in bits.</summary>
    public static double Bits(string word)
    {
        if (word.Length == 1 && Words.IsCjk(word[0]))
        {
            return CommonCharacters.Value.Contains(word[0]) ? 0 : 3;
        }

        if (word.All(char.IsAsciiDigit))
        {
            return word.Length > 1 ? 1 : 0;
        }

        return Math.Max(0, Math.Log2(Ranks.Value.TryGetValue(word, out var rank) ? rank + 1 : UnlistedRank) - Floor);
    }

    /// <summary>
    /// True for a word of at least four letters outside the 3,000 most common: "successor", "autonomously", "rubicon".
    /// Two texts that share many of these talk about the same thing.
    /// </summary>
    public static bool IsRareWord(string word) =>
        word.Length >= 4 && !word.All(char.IsAsciiDigit) && !Words.IsCjk(word[0])
        && (!Ranks.Value.TryGetValue(word, out var rank) || rank > RareRank);

    /// <summary>The rank beyond which a word is rare (<see cref="IsRareWord"/>).</summary>
    private const int RareRank = 3000;

    private static List<string> Lines(string name)
    {
        using var stream = typeof(CommonWords).Assembly.GetManifestResourceStream("CoverageAggregator.Matching." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                lines.Add(word);
            }
        }

        return lines;
    }
}
