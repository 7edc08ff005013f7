using System.Globalization;
using System.Text;
using CoverageAggregator.Coverage;

namespace CoverageAggregator.Publishing;

/// <summary>Mentions per day as an inline SVG bar chart (articles and posts stacked); no script, no external resource.</summary>
internal static class TimelineChart
{
    private const int MaxDays = 90;
    private const int Width = 760;
    private const int Height = 150;
    private const int Bottom = 22;
    private const int Left = 28;

    public static string Render(IReadOnlyList<ExportItem> items)
    {
        var perDay = items.GroupBy(i => DateOnly.FromDateTime(i.Date.UtcDateTime))
            .ToDictionary(g => g.Key, g => (Articles: g.Count(i => i.Kind == CoverageKinds.Article), Posts: g.Count(i => i.Kind != CoverageKinds.Article)));
        var last = perDay.Keys.Max();
        var first = perDay.Keys.Min();
        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            first = last.AddDays(-(MaxDays - 1));
        }

        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var max = Math.Max(1, days.Max(d => perDay.TryGetValue(d, out var c) ? c.Articles + c.Posts : 0));
        const int width = Width;
        var slot = (Width - Left - 4) / days.Count;
        var bar = Math.Clamp(slot * 7 / 10, 2, 48);
        var gap = slot - bar;
        var plot = Height - Bottom - 8;
        var total = days.Sum(d => perDay.TryGetValue(d, out var c) ? c.Articles + c.Posts : 0);
        var busiest = days.OrderByDescending(d => perDay.TryGetValue(d, out var c) ? c.Articles + c.Posts : 0).First();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure class=\"timeline\"><svg viewBox=\"0 0 {width} {Height}\" role=\"img\" aria-labelledby=\"tl-title tl-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<title id=\"tl-title\">Mentions per day</title>")
            .Append(CultureInfo.InvariantCulture, $"<desc id=\"tl-desc\">{total} mentions from {Day(first)} to {Day(last)}; the busiest day was {Day(busiest)}.</desc>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left - 2}\" y1=\"{Height - Bottom}\" x2=\"{width}\" y2=\"{Height - Bottom}\" stroke=\"#767676\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Height - Bottom - plot + 10}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">{max}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">0</text>");
        for (var i = 0; i < days.Count; i++)
        {
            perDay.TryGetValue(days[i], out var count);
            var x = Left + (gap / 2) + (i * slot);
            var articleHeight = count.Articles * plot / max;
            var postHeight = count.Posts * plot / max;
            var baseY = Height - Bottom;
            svg.Append("<g><title>").Append(Day(days[i])).Append(CultureInfo.InvariantCulture, $": {count.Articles} articles, {count.Posts} posts</title>");
            if (articleHeight > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"a\" x=\"{x}\" y=\"{baseY - articleHeight}\" width=\"{bar}\" height=\"{articleHeight}\" fill=\"#1f5fa8\"/>");
            }

            if (postHeight > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"p\" x=\"{x}\" y=\"{baseY - articleHeight - postHeight}\" width=\"{bar}\" height=\"{postHeight}\" fill=\"#d9822b\"/>");
            }

            svg.Append("</g>");
            if (days.Count <= 14 || i == 0 || i == days.Count - 1 || i % 7 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444\">{days[i]:MMM d}</text>");
            }
        }

        svg.Append("</svg><figcaption><span class=\"key a\"></span> articles <span class=\"key p\"></span> posts and discussion</figcaption></figure>\n");
        return svg.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
