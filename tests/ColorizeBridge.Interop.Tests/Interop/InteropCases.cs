namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>The interop cases (grpc/grpc doc/interop-test-descriptions.md) every client and server pairing must pass.</summary>
public static class InteropCases
{
    public static readonly string[] Names =
    [
        "empty_unary", "large_unary", "client_compressed_unary", "server_compressed_unary", "client_streaming",
        "server_streaming", "ping_pong", "empty_stream", "custom_metadata", "status_code_and_message",
        "special_status_message", "unimplemented_method", "unimplemented_service", "cancel_after_begin",
        "cancel_after_first_response", "timeout_on_sleeping_server",
    ];

    public static TheoryData<string> All => [.. Names];
}
