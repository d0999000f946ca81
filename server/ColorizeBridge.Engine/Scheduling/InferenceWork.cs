using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Scheduling;

/// <summary>One forward a caller wants run on a device.</summary>
/// <param name="Model">The loaded model.</param>
/// <param name="Inputs">Its inputs in forward order, batch dimension first.</param>
/// <param name="Priority">Previews before batch work.</param>
public sealed record InferenceWork(IInferenceModel Model, IReadOnlyList<TensorData> Inputs, WorkPriority Priority)
{
    /// <summary>Who asked (peer address or token hash): the queue takes turns between clients.</summary>
    public string Client { get; init; } = "";

    /// <summary>Most same-shaped works of this model that may share one forward (model.json max_batch).</summary>
    public int MaxBatch { get; init; } = 1;

    /// <summary>How long the first work of a batch may wait for others to join (model.json max_queue_delay_ms).</summary>
    public TimeSpan MaxQueueDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Hears how many works run before this one each time that changes (0 =
    /// next). Called under the queue's lock: it must only hand the number on.
    /// </summary>
    public Action<int>? OnPosition { get; init; }

    /// <summary>
    /// Where the output goes when this work runs alone (see
    /// <see cref="IInferenceModel.Forward(IReadOnlyList{TensorData}, Func{int, float[]}, CancellationToken)"/>):
    /// called on the worker thread with the element count, e.g. to rent a
    /// pooled array. Null, or a work that shares a batched forward, gets a
    /// fresh array (a slice of the batch's output).
    /// </summary>
    public Func<int, float[]>? OutputBuffer { get; init; }
}
