using System.Buffers;
using System.IO.Compression;

namespace ColorizeBridge.Grpc.Internal;

/// <summary>gzip for messages whose compressed flag is 1 (PROTOCOL-HTTP2.md, "Length-Prefixed-Message").</summary>
internal static class GrpcCompression
{
    public static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Inflates a message, stopping as soon as it grows past <paramref name="maxSize"/>.</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxSize)
    {
        using var input = new MemoryStream(payload.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(ProtocolErrors.ReceivedMessageTooLarge);
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new RpcException(ProtocolErrors.CorruptCompressedMessage);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}
