namespace CoverageAggregator.Fetching;

/// <summary>An answer's body that ended before it was whole (the connection dropped after the headers); its message is the cause's.</summary>
public sealed class BodyCutOffException : IOException
{
    public BodyCutOffException()
    {
    }

    public BodyCutOffException(string message)
        : base(message)
    {
    }

    public BodyCutOffException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BodyCutOffException(Exception cause)
        : base((cause ?? throw new ArgumentNullException(nameof(cause))).Message, cause)
    {
    }
}
