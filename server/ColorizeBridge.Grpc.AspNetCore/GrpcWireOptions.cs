using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.AspNetCore;

/// <summary>Server-wide settings of the gRPC layer, set with <c>services.AddGrpcWire(o => ...)</c>.</summary>
public sealed class GrpcWireOptions
{
    /// <summary>Largest request message accepted (after decompression); larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxMessageSize;

    /// <summary>Largest response message sent; larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxMessageSize;

    /// <summary>
    /// "gzip" compresses response messages of calls whose client lists gzip in
    /// <c>grpc-accept-encoding</c>; null (the default) sends them as they are.
    /// A method opts a message out with <see cref="WriteFlags.NoCompress"/>.
    /// </summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Fails at startup rather than on the first call.</summary>
    internal void Validate()
    {
        if (MaxReceiveMessageSize <= 0 || MaxSendMessageSize <= 0)
        {
            throw new InvalidOperationException("gRPC message size limits must be positive.");
        }

        if (ResponseCompressionAlgorithm is { } algorithm && algorithm != GrpcProtocolConstants.GzipEncoding)
        {
            throw new InvalidOperationException($"Response compression '{algorithm}' is not supported; use \"gzip\" or null.");
        }
    }
}
