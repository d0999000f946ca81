namespace ColorizeBridge.Client.Internal;

/// <summary>
/// Turns what a user types for a server into the channel's URI: "HOST:PORT"
/// (grpcurl's form; cleartext HTTP/2) or a full http:// or https:// URI.
/// </summary>
internal static class ServerAddress
{
    public static Uri Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        string trimmed = address.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            throw new FormatException($"server address '{address}' must be HOST:PORT or an http:// or https:// URI");
        }

        int colon = trimmed.LastIndexOf(':');
        bool hasPort = colon > 0 && trimmed[colon - 1] != ':' && int.TryParse(trimmed.AsSpan(colon + 1), out int port) && port is > 0 and <= 65535;
        if (!hasPort || !Uri.TryCreate("http://" + trimmed, UriKind.Absolute, out Uri? hostPort) || hostPort.AbsolutePath != "/")
        {
            throw new FormatException($"server address '{address}' must be HOST:PORT (e.g. 127.0.0.1:50051, [::1]:50051) or an http:// or https:// URI");
        }

        return hostPort;
    }
}
