using CoverageAggregator.Matching;

namespace CoverageAggregator.Tests.Matching;

public class WordsTests
{
    [Theory]
    [InlineData("Mara Okafor’s “Compute Cliff” — it’s ﬁne", new[] { "mara", "okafor", "compute", "cliff", "it", "fine" })]
    [InlineData("ＦＵＬＬ width, São Paulo's 3.14 don't", new[] { "full", "width", "são", "paulo", "3", "14", "don't" })]
    [InlineData("rock’n’roll ''quoted'' `tick` x's", new[] { "rock'n'roll", "quoted", "tick", "x" })]
    [InlineData("彼女は「電力」と書いた。", new[] { "彼", "女", "は", "電", "力", "と", "書", "い", "た" })]
    [InlineData("「Import AI」第455期：AI系统", new[] { "import", "ai", "第", "455", "期", "ai", "系", "统" })]
    [InlineData("Ｉｍｐｏｒｔ ＡＩ ４５５", new[] { "import", "ai", "455" })]
    [InlineData("L’essai d'Import AI qu'une aujourd'hui", new[] { "l", "essai", "d", "import", "ai", "qu", "une", "aujourd'hui" })]
    [InlineData("", new string[0])]
    public void WordsAreNormalisedPossessivesDroppedAndElisionsCut(string text, string[] expected)
    {
        Assert.Equal(expected, Words.Split(text));
        Assert.Equal(expected.Length, Words.Count(text));
    }

    [Fact]
    public void NormalisingFoldsCaseQuotesDashesAndSpaces() =>
        Assert.Equal("'a' \"b\" -c- d", Words.Normalize("‘A’ «B» –C—\u00A0D"));
}
