using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Server.Hosting;

/// <summary>
/// A call refused by middleware before its body is read (access control,
/// limits, protocol answers): a trailers-only response (PROTOCOL-HTTP2.md),
/// the status in the headers; Grpc.AspNetCore.Web turns it into gRPC-Web.
/// </summary>
internal static class GrpcRefusal
{
    /// <summary>The gRPC convention for "retry after": clients with a retry policy wait this long (gRFC A6).</summary>
    public const string RetryPushbackHeader = "grpc-retry-pushback-ms";

    public static Task WriteAsync(HttpContext context, StatusCode code, string message, TimeSpan? retryAfter = null)
    {
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = message;
        if (retryAfter is { } wait)
        {
            response.Headers[RetryPushbackHeader] = ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }
}
