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
}
