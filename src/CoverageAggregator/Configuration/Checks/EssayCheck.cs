using CoverageAggregator.Resolving;

namespace CoverageAggregator.Configuration.Checks;

/// <summary>Does the essay's fetchUrl give its text (for verified quotes)?</summary>
internal static class EssayCheck
{
    /// <summary>Less than this many words is a teaser or a paywall, not the essay.</summary>
    private const int MinWords = 150;

    public static async Task<CheckLine> RunAsync(PageResolver pages, EssayConfig essay, CancellationToken cancellationToken)
    {
        var subject = $"essay \"{essay.Id}\"";
        var url = essay.FetchUrl ?? (essay.Urls.Count > 0 ? essay.Urls[0] : null);
        if (url is null)
        {
            return new CheckLine(CheckStatus.Failed, subject, "no fetchUrl and no urls", "add the essay's URL under \"urls\"");
        }

        var (page, fetch) = await pages.FetchPageAsync(url, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return new CheckLine(CheckStatus.Failed, subject, $"{url}: {fetch.Error}",
                "set \"fetchUrl\" to a URL of the essay that answers (links and mentions still count; quotes cannot be verified)");
        }

        var words = page.MainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words >= MinWords
            ? new CheckLine(CheckStatus.Ok, subject, $"{url} gives {words} words of text")
            : new CheckLine(CheckStatus.Failed, subject, $"{url} gives only {words} words of text",
                "set \"fetchUrl\" to a copy with the full text (a mirror without a paywall), or quotes cannot be verified");
    }
}
