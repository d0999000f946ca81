namespace ColorizeBridge.Grpc;

/// <summary>What a service method knows about its call, and how it shapes the response.</summary>
public abstract class ServerCallContext
{
    /// <summary>The full method name, <c>/package.Service/Method</c>.</summary>
    public abstract string Method { get; }

    public abstract string Host { get; }

    /// <summary>The client's address, e.g. <c>ipv4:127.0.0.1:5050</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>From the client's <c>grpc-timeout</c>; <see cref="DateTime.MaxValue"/> when none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Custom request headers; protocol headers (grpc-*, content-type, te…) are left out.</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Fires when the client cancels, the connection drops or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Trailers sent with the status at the end of the call.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status sent when the method returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>
    /// Options for response messages; <see cref="WriteFlags.NoCompress"/> sends
    /// them uncompressed even when the call compresses responses.
    /// </summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    /// <summary>Sends the response headers now; at most once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
