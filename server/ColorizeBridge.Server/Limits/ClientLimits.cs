namespace ColorizeBridge.Server.Limits;

/// <summary>What one client (one token, or one address when tokens are off) may have of the server.</summary>
public sealed record ClientLimits
{
    /// <summary>Calls a client may have open at once (streams and unary calls alike); 0 = no limit.</summary>
    public int MaxStreams { get; init; } = 64;

    /// <summary>Calls a client may start per period; null = no limit.</summary>
    public RateLimit? Rate { get; init; }
}
