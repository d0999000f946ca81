namespace ColorizeBridge.Grpc.Internal;

/// <summary>
/// Converts <see cref="Metadata"/> to and from HTTP/2 header fields
/// (PROTOCOL-HTTP2.md, "Custom-Metadata").
/// </summary>
internal static class MetadataHeaders
{
    /// <summary>Protocol headers that never reach or leave the application as metadata.</summary>
    public static bool IsReserved(string key) =>
        key.StartsWith(':')
        || key is "content-type" or "content-length" or "te" or "host" or "user-agent" or "connection"
            or "accept-encoding" or "transfer-encoding" or "upgrade"
            or GrpcProtocolConstants.TimeoutHeader or GrpcProtocolConstants.MessageEncodingHeader
            or GrpcProtocolConstants.MessageAcceptEncodingHeader or GrpcProtocolConstants.StatusTrailer
            or GrpcProtocolConstants.MessageTrailer;

    /// <summary>The header value: text as is, bytes as base64 without padding (the spec says senders omit it).</summary>
    public static string EncodeValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>
    /// Adds the entries of one header field. Binary values may arrive padded or
    /// not, and several values may be joined with commas.
    /// </summary>
    public static void AddDecoded(Metadata metadata, string key, string value)
    {
        var normalizedKey = key.ToLowerInvariant();
        if (IsReserved(normalizedKey))
        {
            return;
        }

        if (!normalizedKey.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
        {
            metadata.Add(normalizedKey, value);
            return;
        }

        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            metadata.Add(normalizedKey, DecodeBase64(part));
        }
    }

    public static byte[] DecodeBase64(string value)
    {
        var unpadded = value.TrimEnd('=');
        var padding = (4 - (unpadded.Length % 4)) % 4;
        if (padding == 3)
        {
            throw new FormatException("A base64 value cannot be one character longer than a multiple of four.");
        }

        return Convert.FromBase64String(unpadded + new string('=', padding));
    }
}
