using System.Globalization;
using ColorizeBridge.Grpc.Internal;
using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>A trailers-only response for requests refused before any service code runs.</summary>
internal static class ProtocolErrorResponse
{
    public static void Write(HttpContext httpContext, int httpStatusCode, Status status)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatusCode;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        response.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader] = GrpcProtocolConstants.SupportedEncodings;
        response.Headers[GrpcProtocolConstants.StatusTrailer] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocolConstants.MessageTrailer] = GrpcStatusMessage.Encode(status.Detail);
    }
}
