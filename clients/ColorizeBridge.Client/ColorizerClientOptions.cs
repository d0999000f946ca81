namespace ColorizeBridge.Client;

/// <summary>Settings shared by every call of a <see cref="ColorizerClient"/>.</summary>
public sealed record ColorizerClientOptions
{
    /// <summary>Sent as <c>authorization: Bearer TOKEN</c> on every call; null sends none.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Deadline of each call, counted from its start; null = no deadline.</summary>
    public TimeSpan? CallTimeout { get; init; }

    /// <summary>Largest message sent or received; images are large, so the default is 64 MiB like the server's.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024 * 1024;

    /// <summary>The HTTP handler to send with (a proxy, TLS settings); null creates one. The client disposes it.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
