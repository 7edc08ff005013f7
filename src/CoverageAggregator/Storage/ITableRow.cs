using Azure.Data.Tables;

namespace CoverageAggregator.Storage;

/// <summary>
/// A row type mapped to and from the SDK's <see cref="TableEntity"/> by hand. The SDK maps a class of its own by
/// compiling an expression per property the first time it meets the type: measured at about 20 ms of CPU for a type of
/// 25 properties, in every process, and a `coverage collect` meets six (the JIT then compiles ~260 such methods).
/// </summary>
public interface ITableRow<TSelf>
    where TSelf : ITableRow<TSelf>
{
    /// <summary>The row to write: keys, ETag, and every column that has a value (a null column is left out, so it reads back as null).</summary>
    TableEntity ToEntity();

    /// <summary>The row as read; a column it lacks (an older row, or a query that selected fewer) takes its default.</summary>
    static abstract TSelf FromEntity(TableEntity entity);
}

/// <summary>Writing a row's columns.</summary>
internal static class TableColumns
{
    /// <summary>Sets a column unless its value is null (the service stores no nulls).</summary>
    public static TableEntity With(this TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }

        return entity;
    }
}
