using System.Collections.Concurrent;
using ColorizeBridge.Engine.Models;
using ColorizeBridge.Engine.Scheduling;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization;

/// <summary>
/// Runs forwards: one <see cref="InferenceQueue"/> per device, made on first
/// use, and the rule of when requests may share a forward. Colorize calls and
/// preview sessions both run their models here, so neither needs the other.
/// </summary>
internal sealed class ModelRunner : IDisposable
{
    private readonly ConcurrentDictionary<string, InferenceQueue> _queues = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether requests for a model on the CPU may share a forward (up to its max_batch).
    /// Off by default: on the CPU one forward already spreads over every core,
    /// and a batch of 4 at 512² took longer than 4 forwards one by one
    /// (docs/BENCHMARKS.md, "Throughput"); on a GPU batching is what fills the device.
    /// </summary>
    public bool BatchOnCpu { get; init; }

    /// <summary>Every forward any device queue ran (see <see cref="InferenceQueue.ForwardCompleted"/>), raised on that queue's thread.</summary>
    public event Action<ForwardTiming>? ForwardCompleted;

    /// <summary>Waiting works per device, for metrics.</summary>
    public IReadOnlyDictionary<string, int> QueueDepths => _queues.ToDictionary(q => q.Key, q => q.Value.Depth);

    /// <summary>Forwards run per device and the works they carried (works / forwards = mean batch size), for metrics.</summary>
    public IReadOnlyDictionary<string, (long Forwards, long Works)> QueueTotals => _queues.ToDictionary(q => q.Key, q => q.Value.Totals);

    /// <summary>One forward through the model's device queue; <paramref name="inputs"/> in the manifest's order (<see cref="ModelInputs"/>).</summary>
    /// <param name="buffers">
    /// The request's pooled buffers: the output goes there when the work runs alone, and
    /// they are marked in flight until the forward returns (a cancelled or failed request
    /// leaves them to the collector, see <see cref="RequestBuffers"/>); null = a new output array.
    /// </param>
    /// <param name="client">Who asks: clients take turns on the device.</param>
    public async Task<TensorData> RunAsync(RegisteredModel model, IReadOnlyList<TensorData> inputs, RequestBuffers? buffers, WorkPriority priority,
        string client, Action<int>? onPosition, CancellationToken cancellationToken)
    {
        IInferenceModel runnable = model.Model ?? throw new InvalidOperationException($"Model {model.Name} is not loaded.");
        ModelManifest manifest = model.Manifest!;
        var work = new InferenceWork(runnable, inputs, priority)
        {
            Client = client,
            MaxBatch = runnable.Device == "cpu" && !BatchOnCpu ? 1 : manifest.MaxBatch,
            MaxQueueDelay = TimeSpan.FromMilliseconds(manifest.MaxQueueDelayMs),
            OnPosition = onPosition,
            OutputBuffer = buffers is null ? null : buffers.Rent,
        };
        if (buffers is not null)
        {
            buffers.InFlight = true;
        }

        TensorData output = await QueueFor(runnable.Device).RunAsync(work, cancellationToken).ConfigureAwait(false);
        if (buffers is not null)
        {
            buffers.InFlight = false;
        }

        return output;
    }

    public void Dispose()
    {
        foreach (InferenceQueue queue in _queues.Values)
        {
            queue.Dispose();
        }
    }

    private InferenceQueue QueueFor(string device)
    {
        if (_queues.TryGetValue(device, out InferenceQueue? queue))
        {
            return queue;
        }

        // Under a lock, not GetOrAdd's factory: that may run twice in a race,
        // and the loser's queue would keep a worker thread of its own.
        lock (_queues)
        {
            if (!_queues.TryGetValue(device, out queue))
            {
                queue = new InferenceQueue(device);
                queue.ForwardCompleted += timing => ForwardCompleted?.Invoke(timing);
                _queues[device] = queue;
            }

            return queue;
        }
    }
}
