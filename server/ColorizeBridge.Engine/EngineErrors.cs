namespace ColorizeBridge.Engine;

// Every way the engine refuses or cannot serve a request, in one place. The
// engine knows no transport: the server's one error interceptor maps these to
// gRPC statuses (and the retry hint to grpc-retry-pushback-ms), the CLI's
// in-process mode to its exit codes. Each message tells the caller what to change.

/// <summary>A request the engine refuses or cannot serve now; <see cref="Exception.Message"/> is written for the user.</summary>
public abstract class EngineException(string message) : Exception(message);

/// <summary>The request's own content is wrong; <see cref="Field"/> is the request field to change (e.g. <c>hints.palette[2].color</c>).</summary>
public sealed class InvalidRequestException(string field, string message) : EngineException(message)
{
    public string Field { get; } = field;
}

/// <summary>The request names something the server does not have (an unknown model).</summary>
public sealed class NotFoundException(string message) : EngineException(message);

/// <summary>Too much at once: an image over the size limits, or a full queue. <see cref="RetryAfter"/> is set when waiting helps.</summary>
public sealed class ResourceExhaustedException(string message, TimeSpan? retryAfter = null) : EngineException(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The server is not in a state to serve this (no model installed, a model that failed to load).</summary>
public sealed class FailedPreconditionException(string message) : EngineException(message);

/// <summary>Not now, but later or elsewhere (a model still loading, the server shutting down).</summary>
public sealed class UnavailableException(string message) : EngineException(message);
