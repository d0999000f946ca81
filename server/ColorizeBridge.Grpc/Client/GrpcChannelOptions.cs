using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.Client;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The handler to send with; null creates a SocketsHttpHandler. The channel disposes it.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    public int MaxReceiveMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxMessageSize;

    public int MaxSendMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxMessageSize;

    /// <summary>"gzip" compresses request messages; null sends them as they are.</summary>
    public string? RequestCompressionAlgorithm { get; set; }

    /// <summary>
    /// Speak gRPC-Web over HTTP/1.1 instead of gRPC over HTTP/2, for networks
    /// and servers without HTTP/2 (the server needs <c>UseGrpcWeb()</c>).
    /// Client and duplex streaming need HTTP/2 and are refused in this mode.
    /// </summary>
    public bool UseGrpcWeb { get; set; }
}
