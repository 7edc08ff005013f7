using System.Runtime.CompilerServices;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Sources.Social;

/// <summary>
/// The thread rule, for every platform: a reply, quote-post or comment met in the thread of a post that cites the essay
/// (the essay author's announcement included) is coverage when it cites the essay itself (link, verified quote, mention),
/// or when it names the essay, its author or publication, or discusses what the essay says, in a reply of substance. The
/// thread is the context, so naming the author alone is enough there; "lol", "+1", "this!" and off-topic replies are not
/// coverage. A reply that only discusses is cited by <see cref="CitesBy.Mention"/>.
/// </summary>
internal static class ThreadJudge
{
    /// <summary>Fewer words than this is a reaction, not a discussion.</summary>
    private const int MinWords = 6;

    /// <summary>Content words a discussing reply shares with the essay, at least, and the share of its content words they make.</summary>
    private const int MinSharedWords = 3;
    private const double MinSharedShare = 0.3;

    private static readonly ConditionalWeakTable<EssayProfile, HashSet<string>> Vocabularies = [];

    /// <summary>The citation of a reply that names or discusses the essay in its thread without citing it by itself.</summary>
    public static readonly Citation Discussion = new(CitesBy.Mention, []);

    /// <summary>
    /// The citation of a reply in the thread of a post that cites <paramref name="essay"/>: its own citation when it has one,
    /// <see cref="CitesBy.Mention"/> when it names or discusses the essay in a reply of substance, else null.
    /// </summary>
    /// <param name="words">The reply's title and text split (<see cref="SplitText.Of"/>), when the caller keeps them.</param>
    public static Citation? Judge(EssayProfile essay, CandidateText reply, SplitText? words = null)
    {
        words ??= SplitText.Of(reply);
        return CitationMatcher.Match(essay, reply, words) ?? (Discusses(essay, reply, words) ? Discussion : null);
    }

    /// <summary>True when a reply that does not cite the essay by itself names it or discusses it, in its thread.</summary>
    public static bool Discusses(EssayProfile essay, CandidateText reply, SplitText words)
    {
        if (!CitationMatcher.IsInWindow(essay, reply.PublishedAt) || words.Words.Count < MinWords)
        {
            return false;
        }

        var content = words.Words.Where(IsContentWord).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count < MinSharedWords)
        {
            return false;
        }

        if (CitationMatcher.MayConcern(essay, words.Words))
        {
            return true;
        }

        var vocabulary = Vocabularies.GetValue(essay, VocabularyOf);
        var shared = content.Count(vocabulary.Contains);
        return shared >= MinSharedWords && shared >= MinSharedShare * content.Count;
    }

    private static HashSet<string> VocabularyOf(EssayProfile essay) =>
        essay.Sentences.Append(essay.Essay.Title).SelectMany(Words.Split).Where(IsContentWord).ToHashSet(StringComparer.Ordinal);

    private static bool IsContentWord(string word) =>
        word.Length >= 3 && !word.All(char.IsDigit) && !StopWords.Contains(word) && !Reactions.Contains(word);

    /// <summary>English function words: they say nothing of what a reply is about.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "but", "for", "nor", "not", "yet", "you", "your", "yours", "she", "her", "his", "him", "its", "our", "ours",
        "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose",
        "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only",
        "own", "same", "than", "too", "very", "can", "will", "just", "don't", "should", "now", "are", "was", "were", "been",
        "being", "have", "has", "had", "having", "does", "did", "doing", "would", "could", "might", "must", "shall", "with",
        "about", "against", "between", "into", "through", "during", "before", "after", "above", "below", "from", "off",
        "over", "under", "again", "further", "then", "once", "also", "because", "until", "while", "out", "get", "got",
        "one", "really", "much", "many", "even", "still", "every", "it's", "i'm", "that's", "there's", "you're", "we're",
        "they're", "isn't", "aren't", "wasn't", "doesn't", "didn't", "won't", "can't", "let", "like", "think", "know", "say",
        "said", "see", "way", "thing", "things", "make", "made", "well", "may", "let's", "who's", "what's", "i've", "i'd",
    };

    /// <summary>Words of reaction that carry no discussion however many of them a reply strings together.</summary>
    private static readonly HashSet<string> Reactions = new(StringComparer.Ordinal)
    {
        "lol", "lmao", "rofl", "haha", "hahaha", "wow", "omg", "yes", "yeah", "yep", "nope", "agree", "agreed", "same",
        "great", "good", "nice", "cool", "awesome", "amazing", "love", "loved", "thanks", "thank", "thx", "read", "reading",
        "piece", "post", "thread", "essay", "article", "bookmarked", "saved", "sharing", "share", "worth", "must", "recommend",
        "recommended", "interesting", "fascinating", "excellent", "brilliant", "banger", "based", "true", "facts", "exactly",
    };
}
