using CoverageAggregator.Publishing;

namespace CoverageAggregator.Tests.Publishing;

public class CoverageCsvTests
{
    [Fact]
    public void HeaderNamesTheColumnsAndEachItemIsOneRow()
    {
        var csv = CoverageCsv.Render(SampleExport.Build());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("date,kind,outlet,title,author,url,cites_by,quote,likes,reposts,replies,quotes,points,engagement,parent,via", lines[0]);
        Assert.Equal(6, lines.Length);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    public void CellsThatASpreadsheetWouldRunAsAFormulaGetAQuotePrefix(string value, string expected) =>
        Assert.Equal(expected, CoverageCsv.Cell(value));

    [Fact]
    public void CommasQuotesAndNewlinesAreQuotedAndDoubled()
    {
        Assert.Equal("\"a, b\"", CoverageCsv.Cell("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CoverageCsv.Cell("say \"hi\""));
        Assert.Equal("\"two\nlines\"", CoverageCsv.Cell("two\nlines"));
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", CoverageCsv.Cell("=HYPERLINK(\"x\")"));
    }

    [Fact]
    public void EngagementAndTheFirstQuoteAreExported()
    {
        var csv = CoverageCsv.Render(SampleExport.Build());

        Assert.Contains("https://social.example/p/1,quote,the fuse is long,42,,,,,42,,\r\n", csv, StringComparison.Ordinal);
    }
}
