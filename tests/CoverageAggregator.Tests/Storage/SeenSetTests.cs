using CoverageAggregator.Storage;

namespace CoverageAggregator.Tests.Storage;

public class SeenSetTests
{
    [Fact]
    public void TheEntriesAddedAreFoundAgainAfterTheSetIsStoredAndRead()
    {
        var set = SeenSet.Empty;
        set.Add("entry-a");
        set.Add("entry-b");

        var read = SeenSet.Read(set.ToBytes());

        Assert.True(read.Contains("entry-a"));
        Assert.True(read.Contains("entry-b"));
        Assert.False(read.Contains("entry-c"));
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public void EachEntryTakesEightBytesOnceHoweverOftenItIsAdded()
    {
        var set = SeenSet.Empty;
        set.Add("entry-a");
        set.Add("entry-a");

        Assert.Equal(8, set.ToBytes().Length);
    }

    [Fact]
    public void AFullSetRefusesANewEntryButStillTakesOneItHolds()
    {
        var set = SeenSet.Empty;
        for (var i = 0; i < SeenSet.MaxEntries; i++)
        {
            Assert.True(set.Add($"entry-{i}"));
        }

        Assert.True(set.IsFull);
        Assert.False(set.Add("one-more"));
        Assert.False(set.Contains("one-more"));
        Assert.True(set.Add("entry-0"));
        Assert.Equal(SeenSet.MaxEntries * 8, set.ToBytes().Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3 })]
    public void NothingStoredOrACutValueReadsAsAnEmptySet(byte[]? stored)
    {
        var set = SeenSet.Read(stored);

        Assert.Equal(0, set.Count);
        Assert.False(set.IsFull);
    }
}
