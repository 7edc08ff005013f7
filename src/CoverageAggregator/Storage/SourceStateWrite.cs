namespace CoverageAggregator.Storage;

/// <summary>
/// A source state to write under its ETag, and how to make it again from what another writer stored in between
/// (null when the row is gone): this write's change applied to the newer state, so neither writer's change is lost.
/// </summary>
public sealed record SourceStateWrite(SourceState State, Func<SourceState?, SourceState> Redo)
{
    /// <summary>A write that replaces whatever is stored (a state set as a whole, not a change to it).</summary>
    public static SourceStateWrite Replacing(SourceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state, stored =>
        {
            state.ETag = stored?.ETag ?? default;
            return state;
        });
    }
}
