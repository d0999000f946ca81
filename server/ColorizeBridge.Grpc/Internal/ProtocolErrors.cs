namespace ColorizeBridge.Grpc.Internal;

/// <summary>The statuses that protocol violations end a call with, made once.</summary>
internal static class ProtocolErrors
{
    public static readonly Status ReceivedMessageTooLarge =
        new(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");

    public static readonly Status SendMessageTooLarge =
        new(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size.");

    public static readonly Status IncompleteMessage =
        new(StatusCode.Internal, "Incomplete message: the stream ended inside a length-prefixed message.");

    public static readonly Status InvalidCompressedFlag =
        new(StatusCode.Internal, "Invalid compressed flag: a message prefix must start with 0 or 1.");

    public static readonly Status CompressedMessageWithoutEncoding =
        new(StatusCode.Internal, "Compressed message received but no grpc-encoding was given.");

    public static readonly Status CorruptCompressedMessage =
        new(StatusCode.Internal, "Compressed message could not be decompressed.");

    public static readonly Status UnparsableMessage =
        new(StatusCode.Internal, "Message could not be parsed as protobuf.");

    public static readonly Status MissingRequestMessage =
        new(StatusCode.Internal, "Request stream ended without the one message a unary call needs.");

    public static readonly Status AdditionalRequestMessage =
        new(StatusCode.Internal, "Request stream held more than the one message a unary call takes.");

    public static readonly Status MissingResponseMessage =
        new(StatusCode.Internal, "Response stream ended without the one message a unary call returns.");

    public static Status UnsupportedEncoding(string encoding) =>
        new(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'. Supported: {GrpcProtocolConstants.SupportedEncodings}.");
}
