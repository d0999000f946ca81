using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.Internal;

/// <summary>Writes one message with its 5-byte prefix: compressed flag and big-endian length.</summary>
internal static class LengthPrefixedMessageWriter
{
    public static void WriteMessage(IBufferWriter<byte> output, IMessage message, bool compress, int maxMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(ProtocolErrors.SendMessageTooLarge);
        }

        if (!compress)
        {
            WritePrefix(output, flags: 0, size);
            message.WriteTo(output);
            return;
        }

        var compressedPayload = GrpcCompression.Compress(message.ToByteArray());
        WritePrefix(output, flags: 1, compressedPayload.Length);
        output.Write(compressedPayload);
    }

    /// <summary>Writes an already serialized payload, for frames that are not protobuf (gRPC-Web trailers).</summary>
    public static void WriteFrame(IBufferWriter<byte> output, byte flags, ReadOnlySpan<byte> payload)
    {
        WritePrefix(output, flags, payload.Length);
        output.Write(payload);
    }

    private static void WritePrefix(IBufferWriter<byte> output, byte flags, int length)
    {
        var prefix = output.GetSpan(GrpcProtocolConstants.MessagePrefixLength);
        prefix[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(prefix[1..], (uint)length);
        output.Advance(GrpcProtocolConstants.MessagePrefixLength);
    }
}
