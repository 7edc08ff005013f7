using System.Reflection;
using Azure;
using CoverageAggregator.Digest;
using CoverageAggregator.Storage;

namespace CoverageAggregator.Tests.Storage;

/// <summary>Rows are mapped by hand (<see cref="ITableRow{TSelf}"/>): a column left out of either direction is lost on the next write.</summary>
public class TableRowTests
{
    [Fact]
    public void EveryPropertyOfASourceStateIsWrittenAndReadBack() => AssertRoundTrip<SourceState>();

    [Fact]
    public void EveryPropertyOfAnItemIsWrittenAndReadBack() => AssertRoundTrip<ItemEntity>();

    [Fact]
    public void EveryPropertyOfADigestIsWrittenAndReadBack() => AssertRoundTrip<DigestEntry>();

    [Fact]
    public void ANullColumnIsLeftOutAndReadsBackAsNull()
    {
        var state = new SourceState { RowKey = "feed-1", HttpETag = null, SeenEntries = null };

        var entity = state.ToEntity();
        var read = SourceState.FromEntity(entity);

        Assert.False(entity.ContainsKey(nameof(SourceState.HttpETag)));
        Assert.Null(read.HttpETag);
        Assert.Null(read.SeenEntries);
    }

    [Fact]
    public void AColumnAnOlderRowLacksTakesItsDefault()
    {
        var read = ItemEntity.FromEntity(new Azure.Data.Tables.TableEntity("essay", "key") { ["Url"] = "https://example.com/a" });

        Assert.Equal("https://example.com/a", read.Url);
        Assert.Equal("[]", read.Quotes);
        Assert.Equal("link", read.CitesBy);
        Assert.Null(read.Via);
    }

    /// <summary>Sets every settable property to a value unlike its default, maps the row out and back, and compares them all.</summary>
    private static void AssertRoundTrip<T>()
        where T : class, ITableRow<T>, new()
    {
        var row = new T();
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "Timestamp").ToList();
        var i = 0;
        foreach (var property in properties)
        {
            property.SetValue(row, SampleOf(property.PropertyType, ++i));
        }

        var read = T.FromEntity(row.ToEntity());

        foreach (var property in properties)
        {
            var expected = property.GetValue(row);
            var actual = property.GetValue(read);
            Assert.True(
                expected is byte[] bytes ? bytes.SequenceEqual((byte[])actual!) : Equals(expected, actual),
                $"{typeof(T).Name}.{property.Name}: wrote {expected}, read {actual}");
        }
    }

    private static object SampleOf(Type type, int i)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => $"value {i}",
            _ when underlying == typeof(int) => 1000 + i,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 6, 10, 0, i, TimeSpan.Zero),
            _ when underlying == typeof(byte[]) => new byte[] { 1, 2, (byte)i },
            _ when underlying == typeof(ETag) => new ETag($"W/\"etag-{i}\""),
            _ => throw new InvalidOperationException($"no sample for {type}: add one, and map the column"),
        };
    }
}
