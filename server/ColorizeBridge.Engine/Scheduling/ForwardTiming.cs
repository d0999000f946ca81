namespace ColorizeBridge.Engine.Scheduling;

/// <summary>
/// One forward a device queue ran: how long its first work waited in the
/// queue and how long the model itself took (the runtime call, output copy
/// included), for metrics and for benchmarks that split a call's time.
/// </summary>
/// <param name="Device">The queue's device ("cpu", "cuda:0").</param>
/// <param name="Works">Requests the forward carried (more than one when dynamically batched).</param>
/// <param name="Waited">From the first work's arrival in the queue to the forward's start.</param>
/// <param name="Forward">The forward alone.</param>
public readonly record struct ForwardTiming(string Device, int Works, TimeSpan Waited, TimeSpan Forward);
