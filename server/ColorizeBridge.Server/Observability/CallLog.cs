using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Observability;

/// <summary>
/// Log lines of every gRPC call, source-generated, stable event ids (3xxx).
/// Method, peer, status and duration only: never tokens, metadata or image bytes.
/// </summary>
internal static partial class CallLog
{
    [LoggerMessage(3001, LogLevel.Debug, "Call {Method} from {Peer} started")]
    public static partial void Started(ILogger logger, string method, string peer);

    [LoggerMessage(3002, LogLevel.Information, "Call {Method} from {Peer} ended {Status} in {ElapsedMs} ms")]
    public static partial void Ended(ILogger logger, string method, string peer, string status, long elapsedMs);

    /// <summary>A client going away is routine (a closed dialog, a newer preview), not an error.</summary>
    [LoggerMessage(3003, LogLevel.Information, "Call {Method} from {Peer} cancelled by the client after {ElapsedMs} ms")]
    public static partial void Cancelled(ILogger logger, string method, string peer, long elapsedMs);

    [LoggerMessage(3004, LogLevel.Warning, "Call {Method} from {Peer} failed {Status} in {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, string method, string peer, string status, long elapsedMs);
}
