using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using static CoverageAggregator.Tests.Matching.ImportAi455;

namespace CoverageAggregator.Tests.Matching;

/// <summary>
/// A French article naming the author, the publication and the issue number of Import AI 455 is a mention, and its
/// language is French. The sentences are written for the test in the way French tech news names a newsletter issue
/// ("Import AI n° 455", "Import AI, numéro 455"); no real French article about the issue was found to excerpt.
/// </summary>
public class FrenchMentionTests
{
    private const string Article =
        "Dans Import AI n° 455, sa lettre d'information hebdomadaire, Jack Clark, cofondateur d'Anthropic, estime à plus de 60 % " +
        "la probabilité qu'une IA conduise seule sa propre recherche d'ici à la fin de 2028. Le texte a beaucoup circulé dans les laboratoires.";

    [Theory]
    [InlineData(Article)]
    [InlineData("Jack Clark revient dans Import AI n° 455 sur l'automatisation de la recherche en IA.")]
    [InlineData("Import AI, numéro 455 : Jack Clark et la recherche automatisée.")]
    [InlineData("Dans le numéro 455 d'Import AI, Jack Clark décrit la recherche automatisée.")]
    [InlineData("Jack Clark, in issue 455 of Import AI, describes automated research.")]
    public void AFrenchTextNamingTheAuthorThePublicationAndTheIssueIsAMention(string text) =>
        Assert.Equal(CitesBy.Mention, CitationMatcher.Match(Essay, Text(text))?.By);

    [Theory]
    [InlineData("Dans Import AI, numéro 454, Jack Clark parlait de robotique.")]
    [InlineData("Plus de 455 lecteurs d'Import AI ont répondu au sondage de Jack Clark.")]
    [InlineData("Dans le numéro 454 d'Import AI, Jack Clark parlait de robotique.")]
    public void AnotherIssueOrANumberThatIsNoIssueIsNotAMention(string text) =>
        Assert.Null(CitationMatcher.Match(Essay, Text(text)));

    [Fact]
    public void TheArticlesLanguageIsFrench() => Assert.Equal("fr", TextLanguage.Of(null, Article));
}
