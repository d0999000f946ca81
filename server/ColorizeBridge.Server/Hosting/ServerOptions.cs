using System.Net;
using System.Security.Cryptography.X509Certificates;
using ColorizeBridge.Server.Limits;
using ColorizeBridge.Server.Security;

namespace ColorizeBridge.Server.Hosting;

/// <summary>The server's command line, parsed and checked.</summary>
public sealed record ServerOptions
{
    /// <summary>Cleartext HTTP/2 gRPC endpoint.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 50051);

    /// <summary>HTTP/1.1 gRPC-Web endpoint for browsers and the Krita plugin; null = none.</summary>
    public IPEndPoint? WebListen { get; init; }

    public string ModelsDirectory { get; init; } = "models";

    /// <summary>"auto", "cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "auto";

    public string? DefaultModel { get; init; }

    /// <summary>Largest gRPC message accepted or sent, in bytes (images are large).</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024 * 1024;

    /// <summary>Bearer tokens that admit clients; empty = no token needed.</summary>
    public AccessTokens AccessTokens { get; init; } = new([]);

    /// <summary>Serve both endpoints over TLS with this certificate (with its private key); null = cleartext.</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>With TLS: require client certificates issued by this CA; such clients need no token.</summary>
    public X509Certificate2? TlsClientCa { get; init; }

    /// <summary>Let clients on other machines in without a token or client certificate (a trusted LAN only).</summary>
    public bool AllowUnauthenticatedRemote { get; init; }

    /// <summary>ONNX Runtime intra-op threads (inside one operator); 0 = one per core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Let same-shaped requests share a forward on the CPU too (--batch-on-cpu). Off by
    /// default: on the CPU a batch costs more than its forwards one by one (docs/BENCHMARKS.md),
    /// so models batch up to their max_batch only on a GPU.
    /// </summary>
    public bool BatchOnCpu { get; init; }

    /// <summary>Open calls and call rate one client may have (--max-streams-per-client, --rate-limit).</summary>
    public ClientLimits ClientLimits { get; init; } = new();

    /// <summary>
    /// Proxies (nginx) whose X-Forwarded-For names the real client, so
    /// per-client limits and fair turns see clients, not the proxy; empty = none (--trusted-proxy).
    /// </summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>How long in-flight calls may run on after SIGTERM before they are cut (--shutdown-grace-seconds).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Refuses a configuration that would let anyone on the network use the
    /// server unawares: an endpoint beyond loopback needs a token, client
    /// certificates, or an explicit --allow-unauthenticated.
    /// </summary>
    /// <exception cref="FormatException">What to add to the command line.</exception>
    public void Validate()
    {
        if (TlsClientCa is not null && TlsCertificate is null)
        {
            throw new FormatException("--tls-client-ca needs --tls-cert and --tls-key: client certificates are checked during the TLS handshake");
        }

        IPEndPoint[] endpoints = WebListen is null ? [Listen] : [Listen, WebListen];
        IPEndPoint? exposed = endpoints.FirstOrDefault(e => !IPAddress.IsLoopback(e.Address));
        if (exposed is not null && AccessTokens.IsOpen && TlsClientCa is null && !AllowUnauthenticatedRemote)
        {
            throw new FormatException(
                $"{exposed} is reachable from other machines, so clients must prove who they are: give --token-file FILE " +
                "(clients send 'authorization: Bearer TOKEN') or --tls-client-ca CA.pem, or --allow-unauthenticated on a trusted network");
        }
    }

    /// <summary>Parses "HOST:PORT" ("127.0.0.1:50051", "[::1]:50051", "localhost:0", "*:50051").</summary>
    public static IPEndPoint ParseEndpoint(string value, string option)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out int port) || port is < 0 or > 65535)
        {
            throw new FormatException($"{option} must be HOST:PORT (e.g. 127.0.0.1:50051), got '{value}'");
        }

        string host = value[..colon].Trim('[', ']');
        IPAddress address = host switch
        {
            "*" or "0.0.0.0" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(host, out IPAddress? parsed) => parsed,
            _ => throw new FormatException($"{option}: '{host}' is not an IP address (use 127.0.0.1, ::1, 0.0.0.0 or localhost)"),
        };
        return new IPEndPoint(address, port);
    }
}
