using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace ColorizeBridge.Grpc.Internal;

/// <summary>
/// Reads length-prefixed messages from a pipe, however the sender split them
/// into DATA frames: one byte a frame, several messages a frame, or anything
/// between.
/// </summary>
internal static class LengthPrefixedMessageReader
{
    /// <summary>The next message, or null at a clean end of the stream.</summary>
    /// <param name="encoding">The call's <c>grpc-encoding</c>, used for messages flagged as compressed.</param>
    /// <param name="grpcWebTrailers">
    /// For gRPC-Web responses: receives the fields of the trailers frame
    /// (flag 0x80) that ends the messages. Null where such a frame is an error.
    /// </param>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader,
        MessageParser<T> parser,
        int maxMessageSize,
        string? encoding,
        CancellationToken cancellationToken,
        ICollection<KeyValuePair<string, string>>? grpcWebTrailers = null)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            FramedMessage? message;
            try
            {
                message = TryReadFrame(ref buffer, maxMessageSize, allowTrailersFrame: grpcWebTrailers is not null);
            }
            catch
            {
                reader.AdvanceTo(buffer.Start);
                throw;
            }

            if (message is { } frame)
            {
                try
                {
                    if (frame.IsTrailers)
                    {
                        GrpcWebTrailersFrame.Parse(frame.Payload, grpcWebTrailers!);
                        return null;
                    }

                    return Parse(frame, parser, maxMessageSize, encoding);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted)
            {
                var leftOver = buffer.Length;
                reader.AdvanceTo(buffer.End);
                return leftOver == 0 ? null : throw new RpcException(ProtocolErrors.IncompleteMessage);
            }

            // Nothing consumed, everything examined: wake up only when more bytes arrive.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/>. The
    /// length is checked against the limit from the 5-byte prefix, before any
    /// of the body is buffered.
    /// </summary>
    internal static FramedMessage? TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, bool allowTrailersFrame = false)
    {
        if (buffer.Length < GrpcProtocolConstants.MessagePrefixLength)
        {
            return null;
        }

        Span<byte> prefix = stackalloc byte[GrpcProtocolConstants.MessagePrefixLength];
        buffer.Slice(0, GrpcProtocolConstants.MessagePrefixLength).CopyTo(prefix);
        var flags = prefix[0];
        var isTrailers = allowTrailersFrame && (flags & GrpcWebTrailersFrame.Flag) != 0;
        var compressed = (flags & ~(isTrailers ? GrpcWebTrailersFrame.Flag : 0)) switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(ProtocolErrors.InvalidCompressedFlag),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(ProtocolErrors.ReceivedMessageTooLarge);
        }

        var frameLength = GrpcProtocolConstants.MessagePrefixLength + (long)length;
        if (buffer.Length < frameLength)
        {
            return null;
        }

        var payload = buffer.Slice(GrpcProtocolConstants.MessagePrefixLength, length);
        buffer = buffer.Slice(frameLength);
        return new FramedMessage(compressed, isTrailers, payload);
    }

    private static T Parse<T>(FramedMessage frame, MessageParser<T> parser, int maxMessageSize, string? encoding)
        where T : class, IMessage<T>
    {
        var payload = frame.Payload;
        if (frame.Compressed)
        {
            if (encoding is null or GrpcProtocolConstants.IdentityEncoding)
            {
                throw new RpcException(ProtocolErrors.CompressedMessageWithoutEncoding);
            }

            if (encoding != GrpcProtocolConstants.GzipEncoding)
            {
                throw new RpcException(ProtocolErrors.UnsupportedEncoding(encoding));
            }

            payload = new ReadOnlySequence<byte>(GrpcCompression.Decompress(payload, maxMessageSize));
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(ProtocolErrors.UnparsableMessage);
        }
    }

    internal readonly record struct FramedMessage(bool Compressed, bool IsTrailers, ReadOnlySequence<byte> Payload);
}
