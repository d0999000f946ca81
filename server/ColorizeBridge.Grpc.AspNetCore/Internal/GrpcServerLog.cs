using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>Every log line of the server side, with EventIds that stay stable across releases.</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Request content-type '{ContentType}' is not a gRPC content-type; answered 415.", EventName = "UnsupportedContentType")]
    public static partial void UnsupportedContentType(this ILogger logger, string? contentType);

    [LoggerMessage(2, LogLevel.Information, "Request protocol '{Protocol}' is not HTTP/2; answered 426.", EventName = "UnsupportedProtocol")]
    public static partial void UnsupportedProtocol(this ILogger logger, string protocol);

    [LoggerMessage(3, LogLevel.Information, "Request grpc-encoding '{Encoding}' is not supported.", EventName = "UnsupportedEncoding")]
    public static partial void UnsupportedEncoding(this ILogger logger, string encoding);

    [LoggerMessage(4, LogLevel.Debug, "Ignoring invalid grpc-timeout '{Timeout}'.", EventName = "InvalidTimeout")]
    public static partial void InvalidTimeout(this ILogger logger, string timeout);

    [LoggerMessage(5, LogLevel.Information, "Call {Method} exceeded its deadline.", EventName = "DeadlineExceeded")]
    public static partial void DeadlineExceeded(this ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Information, "Call {Method} was cancelled by the client.", EventName = "CallCancelled")]
    public static partial void CallCancelled(this ILogger logger, string method);

    [LoggerMessage(7, LogLevel.Error, "Service method {Method} threw; the client gets UNKNOWN.", EventName = "HandlerError")]
    public static partial void HandlerError(this ILogger logger, string method, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Call {Method} ended with {StatusCode}: {Detail}", EventName = "RpcError")]
    public static partial void RpcError(this ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(9, LogLevel.Information, "No gRPC method is bound to {Path}; answered UNIMPLEMENTED.", EventName = "UnimplementedMethod")]
    public static partial void UnimplementedMethod(this ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Error, "Ending call {Method} after its deadline failed.", EventName = "DeadlineCompletionError")]
    public static partial void DeadlineCompletionError(this ILogger logger, string method, Exception exception);

    [LoggerMessage(11, LogLevel.Debug, "Bound gRPC method {Method} to {ServiceType}.{ClrMethod}.", EventName = "MethodBound")]
    public static partial void MethodBound(this ILogger logger, string method, string serviceType, string clrMethod);
}
