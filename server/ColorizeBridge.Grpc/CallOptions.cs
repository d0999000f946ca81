namespace ColorizeBridge.Grpc;

/// <summary>Per-call settings of a client call.</summary>
/// <param name="Headers">Custom request metadata.</param>
/// <param name="Deadline">When the call must be done (UTC); sent as grpc-timeout and enforced locally.</param>
/// <param name="CancellationToken">Cancels the call: the stream is reset and the call ends with CANCELLED.</param>
/// <param name="WriteOptions">Options for request messages; <see cref="WriteFlags.NoCompress"/> skips compression.</param>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTime? Deadline = null,
    CancellationToken CancellationToken = default,
    WriteOptions? WriteOptions = null);
