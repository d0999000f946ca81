using ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;
using ColorizeBridge.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>The checks every request passes before it is a gRPC call (PROTOCOL-HTTP2.md, "Requests").</summary>
internal static class GrpcRequestValidator
{
    private static readonly Status UnsupportedContentTypeStatus =
        new(StatusCode.Internal, "Content-Type is not a gRPC content-type (application/grpc or application/grpc+proto).");

    private static readonly Status UnsupportedProtocolStatus =
        new(StatusCode.Internal, "gRPC requires HTTP/2; use gRPC-Web over HTTP/1.1.");

    /// <summary>False when the request was refused and a response already written.</summary>
    public static bool TryAccept(HttpContext httpContext, ILogger logger)
    {
        var request = httpContext.Request;
        if (!GrpcProtocolConstants.IsGrpcContentType(request.ContentType))
        {
            logger.UnsupportedContentType(request.ContentType);
            ProtocolErrorResponse.Write(httpContext, StatusCodes.Status415UnsupportedMediaType, UnsupportedContentTypeStatus);
            return false;
        }

        var isHttp2OrLater = HttpProtocol.IsHttp2(request.Protocol) || HttpProtocol.IsHttp3(request.Protocol);
        if (!isHttp2OrLater && httpContext.Features.Get<GrpcWebFeature>() is null)
        {
            logger.UnsupportedProtocol(request.Protocol);
            ProtocolErrorResponse.Write(httpContext, StatusCodes.Status426UpgradeRequired, UnsupportedProtocolStatus);

            // RFC 9110 section 15.5.22: a 426 names the protocol to switch to.
            httpContext.Response.Headers.Upgrade = "HTTP/2";
            return false;
        }

        var encoding = request.Headers[GrpcProtocolConstants.MessageEncodingHeader].ToString();
        if (encoding.Length > 0 && !GrpcProtocolConstants.IsSupportedEncoding(encoding))
        {
            logger.UnsupportedEncoding(encoding);
            ProtocolErrorResponse.Write(httpContext, StatusCodes.Status200OK, ProtocolErrors.UnsupportedEncoding(encoding));
            return false;
        }

        return true;
    }
}
