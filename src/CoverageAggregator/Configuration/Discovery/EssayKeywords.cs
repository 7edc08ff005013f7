using System.Text.RegularExpressions;

namespace CoverageAggregator.Configuration.Discovery;

/// <summary>
/// Keywords that name one essay and not its whole newsletter: an issue name ("Import AI 455") and the title after it,
/// else the title. The publication's and the author's names alone are never keywords (they name every issue).
/// </summary>
public static partial class EssayKeywords
{
    public static IReadOnlyList<string> Of(string title, string? publication, string? author)
    {
        var keywords = new List<string>();
        if (IssueTitle().Match(title) is { Success: true } issue)
        {
            keywords.Add(issue.Groups["issue"].Value.Trim());
            var rest = issue.Groups["rest"].Value.Trim();
            if (rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
            {
                keywords.Add(rest);
            }
        }
        else
        {
            keywords.Add(title.Trim());
        }

        return keywords
            .Where(k => k.Length > 0 && !Same(k, publication) && !Same(k, author))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static bool Same(string keyword, string? name) => name is not null && string.Equals(keyword, name.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>"Name 455: rest", "Name #12 - rest", "Episode 7 — rest".</summary>
    [GeneratedRegex(@"^(?<issue>\S.*?\s#?\d+)\s*[:\u2013\u2014|-]\s+(?<rest>\S.*)$")]
    private static partial Regex IssueTitle();
}
