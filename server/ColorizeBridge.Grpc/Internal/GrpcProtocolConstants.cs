namespace ColorizeBridge.Grpc.Internal;

/// <summary>Names and numbers from grpc/grpc doc/PROTOCOL-HTTP2.md and PROTOCOL-WEB.md.</summary>
internal static class GrpcProtocolConstants
{
    public const string GrpcContentType = "application/grpc";
    public const string GrpcProtoContentType = "application/grpc+proto";
    public const string GrpcWebContentType = "application/grpc-web";
    public const string GrpcWebProtoContentType = "application/grpc-web+proto";
    public const string GrpcWebTextContentType = "application/grpc-web-text";
    public const string GrpcWebTextProtoContentType = "application/grpc-web-text+proto";

    public const string TimeoutHeader = "grpc-timeout";
    public const string MessageEncodingHeader = "grpc-encoding";
    public const string MessageAcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";

    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What we send in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>Compressed flag (1 byte) + big-endian length (4 bytes) before every message.</summary>
    public const int MessagePrefixLength = 5;

    /// <summary>Images are large: a 4096x4096 RGBA8 raster is 64 MiB.</summary>
    public const int DefaultMaxMessageSize = 64 * 1024 * 1024;

    /// <summary>HTTP/2 RST_STREAM error code CANCEL (RFC 9113 section 7).</summary>
    public const int ResetStreamCancel = 0x8;

    public const string UserAgent = "colorizebridge-grpc-dotnet/1.0";

    public static bool IsSupportedEncoding(string encoding) =>
        encoding is IdentityEncoding or GzipEncoding;

    /// <summary>True for <c>application/grpc</c> and <c>application/grpc+proto</c>, parameters allowed.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var mediaType = contentType.AsSpan();
        var separator = mediaType.IndexOf(';');
        if (separator >= 0)
        {
            mediaType = mediaType[..separator];
        }

        mediaType = mediaType.Trim();
        return mediaType.Equals(GrpcContentType, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(GrpcProtoContentType, StringComparison.OrdinalIgnoreCase);
    }
}
