using ColorizeBridge.Grpc.Internal;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;

/// <summary>Recognises the gRPC-Web content types of PROTOCOL-WEB.md.</summary>
internal static class GrpcWebContentType
{
    public enum Kind
    {
        None,
        Binary,
        Text,
    }

    public static Kind Classify(string? contentType)
    {
        if (contentType is null)
        {
            return Kind.None;
        }

        var separator = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (separator >= 0 ? contentType[..separator] : contentType).Trim();
        if (mediaType.Equals(GrpcProtocolConstants.GrpcWebContentType, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(GrpcProtocolConstants.GrpcWebProtoContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Binary;
        }

        return mediaType.Equals(GrpcProtocolConstants.GrpcWebTextContentType, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(GrpcProtocolConstants.GrpcWebTextProtoContentType, StringComparison.OrdinalIgnoreCase)
            ? Kind.Text
            : Kind.None;
    }
}
