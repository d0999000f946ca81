namespace ColorizeBridge.Engine.Scheduling;

public sealed record InferenceQueueOptions
{
    /// <summary>Works waiting on one device, over all clients; more get RESOURCE_EXHAUSTED.</summary>
    public int Capacity { get; init; } = 256;

    /// <summary>Works one client may have waiting, so one big batch cannot fill the queue for everyone.</summary>
    public int PerClientCapacity { get; init; } = 64;
}
