using ColorizeBridge.Grpc;
using ColorizeBridge.Torch;

namespace ColorizeBridge.Engine.Scheduling;

/// <summary>
/// The one queue in front of a device: a single worker thread runs forwards one
/// at a time (the device is the bottleneck; libtorch already uses every core
/// for one forward), interactive work before batch work, FIFO within each.
/// Bounded: when full, callers get RESOURCE_EXHAUSTED with a retry hint rather
/// than unbounded latency. Cancelled work leaves the queue at once.
/// </summary>
public sealed class InferenceQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly LinkedList<WorkItem> _interactive = new();
    private readonly LinkedList<WorkItem> _batch = new();
    private readonly int _capacity;
    private readonly Thread _worker;
    private bool _disposed;

    public InferenceQueue(string device, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Device = device;
        _capacity = capacity;
        _worker = new Thread(RunWorker) { IsBackground = true, Name = $"inference {device}" };
        _worker.Start();
    }

    public string Device { get; }

    /// <summary>Work waiting (not counting the one running).</summary>
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

    /// <summary>
    /// Queues one forward of <paramref name="model"/>. <paramref name="onPosition"/>
    /// hears the number of items ahead each time it changes (0 = next);
    /// it runs under the queue's lock, so it must only hand the number on.
    /// </summary>
    public Task<TensorData> RunAsync(IInferenceModel model, IReadOnlyList<TensorData> inputs, WorkPriority priority,
        Action<int>? onPosition = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new WorkItem(model, inputs, onPosition, cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_interactive.Count + _batch.Count >= _capacity)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"The server's queue for {Device} is full ({_capacity} waiting); retry in a few seconds."));
            }

            item.Node = (priority == WorkPriority.Interactive ? _interactive : _batch).AddLast(item);
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
            foreach (WorkItem item in _interactive.Concat(_batch))
            {
                item.Completion.TrySetException(new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down.")));
            }

            _interactive.Clear();
            _batch.Clear();
            Monitor.PulseAll(_gate);
        }

        _worker.Join();
    }

    private void Cancel(WorkItem item)
    {
        lock (_gate)
        {
            if (item.Node?.List is { } list)
            {
                list.Remove(item.Node);
                ReportPositionsLocked();
            }
        }

        item.Completion.TrySetCanceled(item.CancellationToken);
    }

    private void RunWorker()
    {
        while (true)
        {
            WorkItem item;
            lock (_gate)
            {
                while (!_disposed && _interactive.Count + _batch.Count == 0)
                {
                    Monitor.Wait(_gate);
                }

                if (_disposed)
                {
                    return;
                }

                LinkedList<WorkItem> source = _interactive.Count > 0 ? _interactive : _batch;
                item = source.First!.Value;
                source.RemoveFirst();
                ReportPositionsLocked();
            }

            Execute(item);
        }
    }

    private static void Execute(WorkItem item)
    {
        item.CancellationRegistration.Dispose();
        if (item.CancellationToken.IsCancellationRequested)
        {
            item.Completion.TrySetCanceled(item.CancellationToken);
            return;
        }

        try
        {
            item.Completion.TrySetResult(item.Model.Forward(item.Inputs, item.CancellationToken));
        }
        catch (Exception e)
        {
            item.Completion.TrySetException(e);
        }
    }

    private void ReportPositionsLocked()
    {
        int position = 0;
        foreach (WorkItem item in _interactive.Concat(_batch))
        {
            if (item.LastReportedPosition != position)
            {
                item.LastReportedPosition = position;
                item.OnPosition?.Invoke(position);
            }

            position++;
        }
    }

    private sealed class WorkItem(IInferenceModel model, IReadOnlyList<TensorData> inputs,
        Action<int>? onPosition, CancellationToken cancellationToken)
    {
        public IInferenceModel Model { get; } = model;
        public IReadOnlyList<TensorData> Inputs { get; } = inputs;
        public Action<int>? OnPosition { get; } = onPosition;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public TaskCompletionSource<TensorData> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<WorkItem>? Node { get; set; }
        public CancellationTokenRegistration CancellationRegistration { get; set; }
        public int LastReportedPosition { get; set; } = -1;
    }
}
