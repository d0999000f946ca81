using System.Net;

namespace ColorizeBridge.Grpc.Internal.Client;

/// <summary>The status of a response that is not gRPC at all (grpc/grpc doc/http-grpc-status-mapping.md).</summary>
internal static class HttpStatusMapping
{
    public static Status ToStatus(HttpStatusCode httpStatus)
    {
        var code = httpStatus switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, $"Bad gRPC response: HTTP status {(int)httpStatus} ({httpStatus}).");
    }
}
