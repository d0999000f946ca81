namespace ColorizeBridge.Engine;

// Every way the engine refuses or cannot serve a request, in one place. The
// engine knows no transport: the server's one error interceptor maps these to
// gRPC statuses (and the retry hint to grpc-retry-pushback-ms), the CLI's
// in-process mode to its exit codes. Each message tells the caller what to change.

/// <summary>
/// What kind of refusal an engine error is, numbered as the canonical error
/// codes of google.rpc.Code, which gRPC's status codes also follow: a transport
/// maps an error by this value alone, so no second table of the kinds exists.
/// </summary>
public enum EngineErrorCode
{
    InvalidArgument = 3,
    NotFound = 5,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Unavailable = 14,
}

/// <summary>A request the engine refuses or cannot serve now; <see cref="Exception.Message"/> is written for the user.</summary>
public abstract class EngineException(string message) : Exception(message)
{
    /// <summary>The kind of refusal, for the transport's status.</summary>
    public abstract EngineErrorCode Code { get; }
}

/// <summary>The request's own content is wrong; <see cref="Field"/> is the request field to change (e.g. <c>hints.palette[2].color</c>).</summary>
public sealed class InvalidRequestException(string field, string message) : EngineException(message)
{
    public string Field { get; } = field;

    public override EngineErrorCode Code => EngineErrorCode.InvalidArgument;
}

/// <summary>The request names something the server does not have (an unknown model).</summary>
public sealed class NotFoundException(string message) : EngineException(message)
{
    public override EngineErrorCode Code => EngineErrorCode.NotFound;
}

/// <summary>Too much at once: an image over the size limits, or a full queue. <see cref="RetryAfter"/> is set when waiting helps.</summary>
public sealed class ResourceExhaustedException(string message, TimeSpan? retryAfter = null) : EngineException(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override EngineErrorCode Code => EngineErrorCode.ResourceExhausted;
}

/// <summary>The server is not in a state to serve this (no model installed, a model that failed to load).</summary>
public sealed class FailedPreconditionException(string message) : EngineException(message)
{
    public override EngineErrorCode Code => EngineErrorCode.FailedPrecondition;
}

/// <summary>Not now, but later or elsewhere (a model still loading, the server shutting down).</summary>
public sealed class UnavailableException(string message) : EngineException(message)
{
    public override EngineErrorCode Code => EngineErrorCode.Unavailable;
}
