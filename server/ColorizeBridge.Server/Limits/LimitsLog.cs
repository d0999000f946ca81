using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Server.Limits;

/// <summary>Log lines of the per-client limits and the shutdown drain (4xxx). The client appears as its peer address, never its token.</summary>
internal static partial class LimitsLog
{
    [LoggerMessage(4001, LogLevel.Warning, "Refused {Method} from {Peer}: {Limit} calls already open, the most a client may have")]
    public static partial void TooManyStreams(ILogger logger, string method, string peer, int limit);

    [LoggerMessage(4002, LogLevel.Warning, "Refused {Method} from {Peer}: over the rate limit of {Limit}, retry in {RetryMs} ms")]
    public static partial void OverRate(ILogger logger, string method, string peer, string limit, long retryMs);

    [LoggerMessage(4003, LogLevel.Information, "Shutting down: new calls are refused, in-flight calls have {GraceSeconds} s to finish")]
    public static partial void Draining(ILogger logger, double graceSeconds);
}
