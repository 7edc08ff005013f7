using Azure.Core;
using Azure.Core.Pipeline;

namespace CoverageAggregator.IntegrationTests.Support;

/// <summary>
/// A storage pipeline policy that stands in for a process killed mid-operation: once armed, it lets reads and a number
/// of writes through, then fails every later request, as if the process had died right after that write.
/// </summary>
public sealed class CrashAfterWrites : HttpPipelinePolicy
{
    private int _writesLeft = int.MaxValue;

    /// <summary>From now on, <paramref name="writes"/> writes succeed and then everything fails.</summary>
    public void Arm(int writes) => Volatile.Write(ref _writesLeft, writes);

    public void Disarm() => Volatile.Write(ref _writesLeft, int.MaxValue);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (Volatile.Read(ref _writesLeft) < 0)
        {
            throw new SimulatedCrashException();
        }

        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head
            && Volatile.Read(ref _writesLeft) != int.MaxValue && Interlocked.Decrement(ref _writesLeft) < 0)
        {
            throw new SimulatedCrashException();
        }
    }
}

public sealed class SimulatedCrashException() : Exception("the process died here (simulated)");
