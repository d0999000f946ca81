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

    /// <summary>
    /// How many times a call is sent again when its connection failed before
    /// the server answered at all (no response header came back: the address
    /// refused or reset the connection, or a proxy such as nginx closed an idle
    /// connection on reload just as the call started). Such a call never ran, so
    /// sending it again is safe. Calls that got an answer, even an error, are
    /// never repeated; nor is PreviewHints. 0 turns this off.
    /// </summary>
    public int ConnectionRetries { get; init; } = 2;

    /// <summary>The wait before the first repeat; each later one waits twice as long.</summary>
    public TimeSpan ConnectionRetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The HTTP handler to send with (a proxy, TLS settings); null creates one. The client disposes it.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
