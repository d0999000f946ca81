namespace ColorizeBridge.Grpc;

/// <summary>Writes the messages of a streaming call; one write at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Options for the following writes; null means the call's defaults.</summary>
    WriteOptions? WriteOptions { get; set; }

    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
