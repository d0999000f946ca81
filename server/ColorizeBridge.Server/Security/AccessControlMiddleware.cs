using ColorizeBridge.Server.Hosting;
using ColorizeBridge.Server.Observability;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Security;

/// <summary>
/// Admits a gRPC call when it carries a configured bearer token or came over
/// TLS with a client certificate Kestrel already validated; refuses others
/// with UNAUTHENTICATED before any service code or request body is touched.
/// Health checks stay open so load balancers and probes need no secret.
/// </summary>
internal sealed partial class AccessControlMiddleware(RequestDelegate next, AccessTokens tokens, ILogger<AccessControlMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (tokens.IsOpen
            || !GrpcCallInfo.IsGrpc(request)
            || GrpcCallInfo.IsHealthCheck(request)
            || context.Connection.ClientCertificate is not null)
        {
            return next(context);
        }

        if (tokens.Admits(request.Headers.Authorization.ToString(), out string fingerprint))
        {
            ClientIdentity.SetToken(context, fingerprint);
            return next(context);
        }

        bool offered = request.Headers.Authorization.Count > 0;
        LogRefused(logger, request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", offered);
        return GrpcRefusal.WriteAsync(context, StatusCode.Unauthenticated, offered
            ? "The access token was not accepted; check the token the server's administrator gave you."
            : "This server needs an access token: send the metadata 'authorization: Bearer <token>' (CLI: --token, Krita: the token field).");
    }

    [LoggerMessage(2001, LogLevel.Warning, "Refused {Method} from {Peer}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string peer, string reason);

    private static void LogRefused(ILogger logger, PathString path, string peer, bool offered) =>
        LogRefused(logger, path.ToString(), peer, offered ? "token not accepted" : "no token");
}
