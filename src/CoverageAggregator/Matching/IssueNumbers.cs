namespace CoverageAggregator.Matching;

/// <summary>
/// Issue numbers next to a publication's name, in any numeral form and punctuation: "Import AI 455", "#455", "No. 455",
/// "issue 455", "Import AI, numéro 455", 「Import AI」第 455 期, 第四百五十五期, full-width ４５５ (folded by NFKC). Read from words
/// (<see cref="Words.Split"/>), where marks are already gone and each Han character is a word.
/// </summary>
public static class IssueNumbers
{
    /// <summary>Words that may stand between a name and its number: "issue", "No.", 第 … 期, 号 ….</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "issue", "no", "nr", "nº", "number", "num", "edition", "vol", "volume", "ep", "episode", "part",
        "第", "期", "号", "號", "回", "的", "篇", "刊", "周", "週", "vol", "n",
        "numéro", "numero", "número",
    };

    /// <summary>Words that join a number to the name after it: "issue 455 of Import AI", "le numéro 455 d'Import AI".</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "de", "d", "du", "des", "von", "vom", "der", "del", "di", "da", "do", "dell",
    };

    private const int MaxFillers = 3;

    /// <summary>The numbers written right after (or right before) each place <paramref name="name"/> occurs in <paramref name="words"/>.</summary>
    public static IEnumerable<long> After(IReadOnlyList<string> words, IReadOnlyList<string> name)
    {
        for (var i = 0; i + name.Count <= words.Count; i++)
        {
            if (!StartsAt(words, name, i))
            {
                continue;
            }

            var j = i + name.Count;
            for (var skipped = 0; j < words.Count && skipped < MaxFillers && Fillers.Contains(words[j]); skipped++)
            {
                j++;
            }

            if (ReadForward(words, j) is { } after)
            {
                yield return after;
            }

            var k = i - 1;
            for (var skipped = 0; k >= 0 && skipped < MaxFillers && Fillers.Contains(words[k]); skipped++)
            {
                k--;
            }

            if (ReadBackward(words, k) is { } before && k < i - 1)
            {
                yield return before; // 第455期 Import AI: a number before the name only with 期/issue between
            }
            else if (i >= 3 && Connectors.Contains(words[i - 1]) && Digits(words[i - 2]) is { } numbered && Fillers.Contains(words[i - 3]))
            {
                yield return numbered; // issue 455 of Import AI: the number said to be an issue, then "of" and the name
            }
        }
    }

    /// <summary>The value of a number written in digits (one word) or in Chinese numerals (one character a word) starting at <paramref name="at"/>.</summary>
    public static long? ReadForward(IReadOnlyList<string> words, int at)
    {
        if (at >= words.Count)
        {
            return null;
        }

        if (Digits(words[at]) is { } digits)
        {
            return digits;
        }

        var end = at;
        while (end < words.Count && IsChineseNumeral(words[end]))
        {
            end++;
        }

        return end > at ? Chinese(words.Skip(at).Take(end - at).Select(w => w[0])) : null;
    }

    /// <summary>The parsed title "Name 455" (or "Name #455"): the name's words and the number; null when the title has no such form.</summary>
    public static (IReadOnlyList<string> Name, long Number)? OfTitle(string title)
    {
        var words = Words.Split(title);
        for (var i = 1; i < words.Count; i++)
        {
            if (Digits(words[i]) is { } number && (i + 1 == words.Count || !char.IsAsciiDigit(words[i + 1][0])))
            {
                return (words.Take(i).ToList(), number);
            }
        }

        return null;
    }

    /// <summary>The value of Chinese numerals: 四百五十五, 四五五, 一千零二十, 十二.</summary>
    public static long? Chinese(IEnumerable<char> numerals)
    {
        var chars = numerals.ToList();
        if (chars.Count == 0)
        {
            return null;
        }

        if (chars.All(c => DigitOf(c) >= 0))
        {
            return chars.Aggregate(0L, (value, c) => (value * 10) + DigitOf(c)); // 四五五: digit by digit
        }

        long total = 0, section = 0, digit = 0;
        foreach (var c in chars)
        {
            if (DigitOf(c) is var d and >= 0)
            {
                digit = d;
            }
            else if (UnitOf(c) is var unit and < 10_000)
            {
                section += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            }
            else
            {
                total += (section + digit) * UnitOf(c);
                section = digit = 0;
            }
        }

        return total + section + digit;
    }

    private static long? ReadBackward(IReadOnlyList<string> words, int end)
    {
        if (end < 0)
        {
            return null;
        }

        if (Digits(words[end]) is { } digits)
        {
            return digits;
        }

        var start = end;
        while (start >= 0 && IsChineseNumeral(words[start]))
        {
            start--;
        }

        return start < end ? Chinese(words.Skip(start + 1).Take(end - start).Select(w => w[0])) : null;
    }

    private static bool StartsAt(IReadOnlyList<string> words, IReadOnlyList<string> phrase, int at)
    {
        for (var j = 0; j < phrase.Count; j++)
        {
            if (words[at + j] != phrase[j])
            {
                return false;
            }
        }

        return true;
    }

    private static long? Digits(string word) =>
        word.Length is > 0 and <= 9 && word.All(char.IsAsciiDigit) ? long.Parse(word, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static bool IsChineseNumeral(string word) => word.Length == 1 && (DigitOf(word[0]) >= 0 || UnitOf(word[0]) > 0);

    private static int DigitOf(char c) => "零一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i
        : c switch { '〇' => 0, '两' or '兩' => 2, _ => -1 };

    private static long UnitOf(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' or '萬' => 10_000,
        _ => 0,
    };
}
