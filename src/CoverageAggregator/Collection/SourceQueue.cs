using System.Text.Json;
using System.Threading.Channels;
using Azure.Storage.Queues;
using CoverageAggregator.Configuration;
using CoverageAggregator.Matching;
using CoverageAggregator.Sources;
using CoverageAggregator.Storage;
using CoverageAggregator.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Collection;

/// <summary>The fan-out: the timer enqueues one message per due source; queue workers collect one source each.</summary>
public sealed class SourceQueue(
    StorageClients storage,
    ConfigProvider configs,
    EssayStore essayStore,
    EssayProfiles profiles,
    SourceRunner runner,
    SourceStateStore states,
    IOptions<CoverageOptions> options,
    TimeProvider time,
    ILogger<SourceQueue> logger)
{
    /// <summary>The queue name, also the Functions app setting %CollectQueue%.</summary>
    public const string Name = "collect";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly QueueClient _client = storage.Queue(Name);
    /// <summary>Set by a requested collection until the local loop takes it, so one asked for while the loop is busy is not lost.</summary>
    private readonly Channel<bool> _requested = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _requestedCount;

    /// <summary>Created on first use; a failed creation (storage down at start) is tried again on the next use.</summary>
    private readonly CreatedOnFirstUse _created = new(token => storage.Queue(Name).CreateIfNotExistsAsync(cancellationToken: token));

    public string QueueName => _client.Name;

    private async Task<QueueClient> QueueAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return _client;
    }

    /// <summary>Enqueues every source that is due and not disabled; answers how many.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        using var activity = CoverageTelemetry.StartEnqueue();
        var config = await configs.GetAsync(cancellationToken).ConfigureAwait(false);
        await essayStore.SaveAsync(config.Essays, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var known = (await states.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.RowKey, StringComparer.Ordinal);
        var queue = await QueueAsync(cancellationToken).ConfigureAwait(false);
        var due = SourceDescriptor.AllOf(config).Where(source =>
            !(known.TryGetValue(source.Id, out var state) && state.ConfiguredUrl == source.Url
              && (state.Disabled || state.NextDueAt > now || state.RetryNotBefore > now))).ToList();
        // Sent several at once: one at a time, 500 sources took seconds of round trips before the first was collected.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (source, token) =>
            await queue.SendMessageAsync(JsonSerializer.Serialize(new SourceMessage(source.Id), Json), token).ConfigureAwait(false)).ConfigureAwait(false);
        var count = due.Count;

        CoverageTelemetry.Enqueued(activity, count);
        Log.SourcesEnqueued(logger, count);
        return count;
    }

    /// <summary>A collection asked for now (the admin route): enqueues the due sources and tells the local loop (<see cref="RequestedAsync"/>).</summary>
    public async Task<int> RequestCollectionAsync(CancellationToken cancellationToken)
    {
        var count = await EnqueueDueAsync(cancellationToken).ConfigureAwait(false);
        if (count > 0)
        {
            Interlocked.Add(ref _requestedCount, count);
            _requested.Writer.TryWrite(true);
        }

        return count;
    }

    /// <summary>
    /// Completes with how many sources were enqueued by collections asked for since it last completed, so a host
    /// without a queue trigger works them off at once; one asked for while nobody waited completes the next wait.
    /// </summary>
    public async Task<int> RequestedAsync(CancellationToken cancellationToken)
    {
        await _requested.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Interlocked.Exchange(ref _requestedCount, 0);
    }

    /// <summary>
    /// Handles one queue message (the queue trigger), and waits for the snapshot rebuilds it caused, so its page is
    /// stored before the host may freeze the instance. Delivery is at least once: collecting a source twice adds nothing twice.
    /// </summary>
    public async Task<SourceReport?> ProcessAsync(string message, CancellationToken cancellationToken)
    {
        var report = await CollectAsync(message, cancellationToken).ConfigureAwait(false);
        await runner.FlushAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<SourceReport?> CollectAsync(string message, CancellationToken cancellationToken)
    {
        var sourceId = JsonSerializer.Deserialize<SourceMessage>(message, Json)?.SourceId
            ?? throw new ArgumentException("queue message has no sourceId", nameof(message));
        using var activity = CoverageTelemetry.StartMessage(sourceId);
        var config = await configs.GetAsync(cancellationToken).ConfigureAwait(false);
        var source = SourceDescriptor.AllOf(config).FirstOrDefault(s => s.Id == sourceId);
        if (source is null)
        {
            return null; // removed from the sources file since it was enqueued
        }

        var essays = await profiles.GetAsync(config.Essays, cancellationToken).ConfigureAwait(false);
        return await runner.RunAsync(source, essays, force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tries before a message goes to the poison queue; the Functions host uses the same (host.json maxDequeueCount).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>
    /// Takes and processes what is on the queue now (the local host's stand-in for the queue trigger). A message that
    /// fails is retried; after <see cref="MaxDequeueCount"/> tries it moves to "&lt;queue&gt;-poison" with its error.
    /// The snapshot rebuilds are waited for once, at the end.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(cancellationToken).ConfigureAwait(false);
        using var window = new ReceiveWindow();
        // A sliding window, not batch after batch: a worker takes the next message as soon as its own is done, so one slow
        // source (a page that times out) holds back one worker instead of the 15 others of its batch.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ReceiveAsync(queue, window, cancellationToken), parallel, async (message, token) =>
        {
            try
            {
                await CollectAsync(message.MessageText, token).ConfigureAwait(false);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                await FailAsync(queue, message, ex, token).ConfigureAwait(false);
            }
            finally
            {
                window.Done();
            }
        }).ConfigureAwait(false);

        // The rebuilds the messages caused ran meanwhile, coalesced; waiting once here, not per message, keeps the
        // queue moving while rebuilds are spaced (Coverage:SnapshotIntervalSeconds).
        await runner.FlushAsync(cancellationToken).ConfigureAwait(false);
        return window.Taken;
    }

    /// <summary>
    /// The messages on the queue, a batch at a time as the workers take them. The queue is empty for this drain only when
    /// it answers nothing while no message is being worked on: a message that failed is visible again (see
    /// <see cref="FailAsync"/>), and is taken again in the same drain, as it was when batches were worked one by one.
    /// </summary>
    private async IAsyncEnumerable<Azure.Storage.Queues.Models.QueueMessage> ReceiveAsync(
        QueueClient queue, ReceiveWindow window, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var working = window.Working; // read before asking: one done after the answer was made visible before it
            var batch = (await queue.ReceiveMessagesAsync(Math.Min(options.Value.MaxConcurrency, 32), TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false)).Value;
            if (batch.Length == 0)
            {
                if (working == 0)
                {
                    yield break;
                }

                await window.WaitForOneDoneAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var message in batch)
            {
                window.Take();
                yield return message;
            }
        }
    }

    /// <summary>How many messages a drain took, and how many are being worked on.</summary>
    private sealed class ReceiveWindow : IDisposable
    {
        private readonly SemaphoreSlim _done = new(0);
        private int _taken;
        private int _working;

        public int Taken => Volatile.Read(ref _taken);

        public int Working => Volatile.Read(ref _working);

        public void Take()
        {
            Interlocked.Increment(ref _taken);
            Interlocked.Increment(ref _working);
        }

        public void Done()
        {
            Interlocked.Decrement(ref _working);
            _done.Release();
        }

        /// <summary>Waits until a message is done (or one was since the last wait): a failed one is visible again by then.</summary>
        public Task WaitForOneDoneAsync(CancellationToken cancellationToken) => _done.WaitAsync(cancellationToken);

        public void Dispose() => _done.Dispose();
    }

    private async Task FailAsync(QueueClient queue, Azure.Storage.Queues.Models.QueueMessage message, Exception error, CancellationToken cancellationToken)
    {
        Log.QueueMessageFailed(logger, message.MessageId, (int)message.DequeueCount, error.Message);
        if (message.DequeueCount < MaxDequeueCount)
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var poison = storage.Queues.GetQueueClient(queue.Name + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var record = JsonSerializer.Serialize(new PoisonMessage(message.MessageText, $"{error.GetType().Name}: {error.Message}", (int)message.DequeueCount, time.GetUtcNow()), Json);
        await poison.SendMessageAsync(record, cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    public sealed record PoisonMessage(string Message, string Error, int DequeueCount, DateTimeOffset FailedAt);

    private sealed record SourceMessage(string SourceId);
}
