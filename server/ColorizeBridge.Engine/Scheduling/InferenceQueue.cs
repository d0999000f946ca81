using System.Diagnostics;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Scheduling;

/// <summary>
/// The one queue in front of a device (Triton's scheduler, in small): a single
/// worker thread runs forwards one at a time (the device is the bottleneck, and
/// ONNX Runtime already spreads one forward over every core). Previews run before
/// batch work; within each, clients take turns. Same-shaped works of one model
/// that wait together share a forward (dynamic batching, up to the model's
/// max_batch, waiting at most its max_queue_delay for company). Bounded: when
/// full, callers get RESOURCE_EXHAUSTED with a retry hint instead of unbounded
/// latency. Cancelled work leaves the queue at once.
/// </summary>
public sealed class InferenceQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly FairQueue<WorkItem> _interactive = new();
    private readonly FairQueue<WorkItem> _batch = new();
    private readonly Dictionary<string, int> _waitingPerClient = new(StringComparer.Ordinal);
    private readonly InferenceQueueOptions _options;
    private readonly Thread _worker;
    private bool _disposed;
    private long _forwards;
    private long _works;

    public InferenceQueue(string device, InferenceQueueOptions? options = null)
    {
        _options = options ?? new InferenceQueueOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PerClientCapacity, 1);
        Device = device;
        _worker = new Thread(RunWorker) { IsBackground = true, Name = $"inference {device}" };
        _worker.Start();
    }

    public string Device { get; }

    /// <summary>
    /// Raised on the worker thread after every forward that ran (not for works
    /// cancelled before it); handlers must be quick and must not throw.
    /// </summary>
    public event Action<ForwardTiming>? ForwardCompleted;

    /// <summary>Works waiting (not counting those running).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _interactive.Count + _batch.Count;
            }
        }
    }

    /// <summary>Forwards run so far and the works they carried (their ratio is the mean batch size).</summary>
    public (long Forwards, long Works) Totals
    {
        get
        {
            lock (_gate)
            {
                return (_forwards, _works);
            }
        }
    }

    /// <summary>Queues one forward; the task ends with this work's own output.</summary>
    public Task<TensorData> RunAsync(InferenceWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        var item = new WorkItem(work, cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_interactive.Count + _batch.Count >= _options.Capacity)
            {
                throw Busy($"The server's queue for {Device} is full ({_options.Capacity} waiting); retry in a few seconds.");
            }

            int waiting = _waitingPerClient.GetValueOrDefault(work.Client);
            if (waiting >= _options.PerClientCapacity)
            {
                throw Busy($"You already have {waiting} requests waiting on {Device}; wait for some to finish before sending more.");
            }

            _waitingPerClient[work.Client] = waiting + 1;
            item.Node = ClassOf(work.Priority).Add(work.Client, item);
            ReportPositionsLocked();
            Monitor.Pulse(_gate);
        }

        item.CancellationRegistration = cancellationToken.Register(() => Cancel(item));
        return item.Completion.Task;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var shutdown = new UnavailableException("The server is shutting down; retry on another server.");
            foreach (FairQueue<WorkItem> queue in new[] { _interactive, _batch })
            {
                while (queue.Count > 0)
                {
                    queue.TakeNext().Completion.TrySetException(shutdown);
                }
            }

            Monitor.PulseAll(_gate);
        }

        _worker.Join();
    }

    /// <summary>A full queue drains in a forward or two; the hint keeps retrying clients from hammering it meanwhile.</summary>
    private static ResourceExhaustedException Busy(string message) => new(message, TimeSpan.FromSeconds(2));

    private FairQueue<WorkItem> ClassOf(WorkPriority priority) => priority == WorkPriority.Interactive ? _interactive : _batch;

    private void Cancel(WorkItem item)
    {
        lock (_gate)
        {
            if (item.Node is not null)
            {
                RemoveLocked(item);
                ReportPositionsLocked();
            }
        }

        item.Completion.TrySetCanceled(item.CancellationToken);
    }

    private void RemoveLocked(WorkItem item)
    {
        ClassOf(item.Work.Priority).Remove(item.Work.Client, item.Node!);
        item.Node = null;
        LeaveLocked(item);
    }

    private void LeaveLocked(WorkItem item)
    {
        int left = _waitingPerClient[item.Work.Client] - 1;
        if (left == 0)
        {
            _waitingPerClient.Remove(item.Work.Client);
        }
        else
        {
            _waitingPerClient[item.Work.Client] = left;
        }
    }

    private void RunWorker()
    {
        while (TakeBatch() is { } batch)
        {
            Execute(batch);
        }
    }

    /// <summary>Blocks for the next works to run together; null once disposed.</summary>
    private List<WorkItem>? TakeBatch()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_disposed)
                {
                    return null;
                }

                FairQueue<WorkItem>? queue = _interactive.Count > 0 ? _interactive : _batch.Count > 0 ? _batch : null;
                if (queue is null)
                {
                    Monitor.Wait(_gate);
                    continue;
                }

                WorkItem head = queue.InTurnOrder().First();
                List<WorkItem> companions = [.. queue.InTurnOrder().Where(head.CanShareForwardWith).Take(head.Work.MaxBatch)];
                TimeSpan waited = Stopwatch.GetElapsedTime(head.EnqueuedAt);
                if (companions.Count < head.Work.MaxBatch && waited < head.Work.MaxQueueDelay)
                {
                    // Give same-shaped works a moment to arrive (max_queue_delay).
                    Monitor.Wait(_gate, head.Work.MaxQueueDelay - waited);
                    continue;
                }

                queue.TakeNext(); // keeps the clients' turns moving
                head.Node = null;
                LeaveLocked(head);
                foreach (WorkItem companion in companions.Skip(1))
                {
                    RemoveLocked(companion);
                }

                ReportPositionsLocked();
                _forwards++;
                _works += companions.Count;
                return companions;
            }
        }
    }

    private void Execute(List<WorkItem> batch)
    {
        foreach (WorkItem item in batch)
        {
            item.CancellationRegistration.Dispose();
        }

        batch.RemoveAll(item => item.CancellationToken.IsCancellationRequested && item.Completion.TrySetCanceled(item.CancellationToken));
        if (batch.Count == 0)
        {
            return;
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            if (batch.Count == 1)
            {
                WorkItem only = batch[0];
                TensorData result = only.Work.OutputBuffer is { } outputBuffer
                    ? only.Work.Model.Forward(only.Work.Inputs, outputBuffer, only.CancellationToken)
                    : only.Work.Model.Forward(only.Work.Inputs, only.CancellationToken);
                Timed(batch, started);
                only.Completion.TrySetResult(result);
                return;
            }

            TensorData output = batch[0].Work.Model.Forward(Batching.Concatenate(batch.Select(b => b.Work.Inputs).ToList()));
            IReadOnlyList<TensorData> outputs = Batching.Split(output, batch.Select(b => (int)b.Work.Inputs[0].Shape[0]).ToList());
            Timed(batch, started);
            for (int i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(outputs[i]);
            }
        }
        catch (OperationCanceledException) when (batch.Count == 1 && batch[0].CancellationToken.IsCancellationRequested)
        {
            // The runtime stopped the forward of a work whose caller gave up.
            batch[0].Completion.TrySetCanceled(batch[0].CancellationToken);
        }
        catch (Exception e)
        {
            foreach (WorkItem item in batch)
            {
                item.Completion.TrySetException(e);
            }
        }
    }

    /// <summary>Raised before the works complete, so a caller that awaits one finds its timing already reported.</summary>
    private void Timed(List<WorkItem> batch, long started)
    {
        long ended = Stopwatch.GetTimestamp();
        try
        {
            ForwardCompleted?.Invoke(new ForwardTiming(Device, batch.Count,
                Stopwatch.GetElapsedTime(batch[0].EnqueuedAt, started), Stopwatch.GetElapsedTime(started, ended)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A metrics handler's failure must not fail the requests whose forward ran.
        }
    }

    private void ReportPositionsLocked()
    {
        int position = 0;
        foreach (WorkItem item in _interactive.InTurnOrder().Concat(_batch.InTurnOrder()))
        {
            if (item.LastReportedPosition != position)
            {
                item.LastReportedPosition = position;
                item.Work.OnPosition?.Invoke(position);
            }

            position++;
        }
    }

    private sealed class WorkItem(InferenceWork work, CancellationToken cancellationToken)
    {
        public InferenceWork Work { get; } = work;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public long EnqueuedAt { get; } = Stopwatch.GetTimestamp();
        public TaskCompletionSource<TensorData> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<WorkItem>? Node { get; set; }
        public CancellationTokenRegistration CancellationRegistration { get; set; }
        public int LastReportedPosition { get; set; } = -1;

        /// <summary>Same model, same input shapes: their inputs stack along the batch dimension.</summary>
        public bool CanShareForwardWith(WorkItem other) =>
            ReferenceEquals(other, this)
            || (ReferenceEquals(other.Work.Model, Work.Model)
                && other.Work.Inputs.Count == Work.Inputs.Count
                && other.Work.Inputs.Zip(Work.Inputs).All(pair => pair.First.Shape.SequenceEqual(pair.Second.Shape)));
    }
}
