using System.Buffers;
using System.Text;

namespace ColorizeBridge.Grpc.Internal;

/// <summary>
/// The last frame of a gRPC-Web response: flag 0x80, then the trailers as
/// HTTP/1 header lines, "name: value\r\n" (PROTOCOL-WEB.md).
/// </summary>
internal static class GrpcWebTrailersFrame
{
    public const byte Flag = 0x80;

    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> trailers)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in trailers)
        {
            text.Append(key.ToLowerInvariant()).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static void Parse(ReadOnlySequence<byte> payload, ICollection<KeyValuePair<string, string>> trailers)
    {
        foreach (var line in Encoding.ASCII.GetString(payload).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Malformed gRPC-Web trailers frame."));
            }

            trailers.Add(new(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim()));
        }
    }
}
