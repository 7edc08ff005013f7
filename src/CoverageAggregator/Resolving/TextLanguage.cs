using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// The language of an item: what its page declares (&lt;html lang&gt;), else what its text is written in. The text is
/// read by script: kana is Japanese, hangul Korean, Han alone Chinese (Simplified or Traditional by the characters that
/// differ), Cyrillic, Greek, Arabic, Hebrew, Thai and Devanagari their main language; a Latin-script text by its most
/// frequent function words (the, der, le, el, …). A text too short or too mixed to tell gets none.
/// A Chinese page that declares only "zh" is made zh-Hans or zh-Hant by its characters.
/// </summary>
public static class TextLanguage
{
    /// <summary>Characters (or function words) a text needs before its language is told.</summary>
    private const int MinimumEvidence = 3;

    /// <summary>Characters that exist in only one of the two Chinese scripts, among the most frequent that differ (这/這, 们/們, …).</summary>
    private const string SimplifiedOnly = "这们个说时来为国会对发学经过后还动现开实业问题长关与点进种机应从当间产体样数电华论头东统级写读语认识计设训练网络钱让给见车门马鸟书买卖爱边气听话无专层据";
    private const string TraditionalOnly = "這們個說時來為國會對發學經過後還動現開實業問題長關與點進種機應從當間產體樣數電華論頭東統級寫讀語認識計設訓練網絡錢讓給見車門馬鳥書買賣愛邊氣聽話無專層據";

    private static readonly (string Language, string[] Words)[] FunctionWords =
    [
        ("en", ["the", "and", "of", "to", "is", "that", "with", "for", "this", "are", "his", "her", "an", "from", "was", "has", "which", "says"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "ein"]),
        ("fr", ["le", "la", "les", "et", "est", "des", "une", "que", "pour", "dans"]),
        ("es", ["el", "los", "las", "que", "y", "una", "por", "para", "con", "del"]),
        ("it", ["il", "che", "di", "della", "una", "sono", "per", "con", "non", "gli"]),
        ("pt", ["o", "os", "que", "uma", "não", "para", "com", "do", "da", "em"]),
        ("nl", ["de", "het", "een", "en", "van", "is", "niet", "dat", "voor", "met"]),
    ];

    /// <summary>The language of a page or its text; null when neither tells.</summary>
    public static string? Of(string? declared, string text)
    {
        var detected = OfText(text);
        if (declared is null)
        {
            return detected;
        }

        return declared.Equals("zh", StringComparison.OrdinalIgnoreCase) && detected is "zh-Hans" or "zh-Hant" ? detected : declared;
    }

    /// <summary>The language a text is written in, by its script (and for Latin script its function words); null when it cannot be told.</summary>
    public static string? OfText(string text)
    {
        int kana = 0, hangul = 0, han = 0, latin = 0, simplified = 0, traditional = 0;
        var scripts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF')
            {
                hangul++;
            }
            else if (Words.IsCjk(c))
            {
                han++;
                simplified += SimplifiedOnly.Contains(c) ? 1 : 0;
                traditional += TraditionalOnly.Contains(c) ? 1 : 0;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
            else if (ScriptOf(c) is { } script)
            {
                scripts[script] = scripts.GetValueOrDefault(script) + 1;
            }
        }

        // Japanese writes kana beside Han; Chinese never does. A few kana in a long Chinese text are a quoted name.
        if (kana >= MinimumEvidence && kana * 10 >= han)
        {
            return "ja";
        }

        if (hangul >= MinimumEvidence && hangul >= han)
        {
            return "ko";
        }

        if (han >= MinimumEvidence && han * 2 >= latin / 4)
        {
            return simplified == traditional ? "zh" : simplified > traditional ? "zh-Hans" : "zh-Hant";
        }

        if (scripts.Count > 0 && scripts.MaxBy(s => s.Value) is var (top, count) && count >= MinimumEvidence && count > latin)
        {
            return top;
        }

        return latin >= MinimumEvidence ? ByFunctionWords(text) : null;
    }

    private static string? ScriptOf(char c) => c switch
    {
        >= '\u0400' and <= '\u04FF' => "ru",
        >= '\u0370' and <= '\u03FF' => "el",
        >= '\u0600' and <= '\u06FF' => "ar",
        >= '\u0590' and <= '\u05FF' => "he",
        >= '\u0E00' and <= '\u0E7F' => "th",
        >= '\u0900' and <= '\u097F' => "hi",
        _ => null,
    };

    private static string? ByFunctionWords(string text)
    {
        var words = Words.Split(text);
        var counts = FunctionWords
            .Select(l => (l.Language, Count: words.Count(w => l.Words.Contains(w, StringComparer.Ordinal))))
            .OrderByDescending(l => l.Count)
            .ToList();
        return counts[0].Count >= MinimumEvidence && counts[0].Count > counts[1].Count ? counts[0].Language : null;
    }
}
