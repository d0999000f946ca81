using ColorizeBridge.Tests.Shared;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Testing;

namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>
/// The interop client cases on Grpc.Net.Client
/// (grpc/grpc doc/interop-test-descriptions.md, "Client"); a failed check throws.
/// </summary>
public sealed class DotNetInteropClient(Uri address, bool serverChecksRequestCompression = true)
{
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n";
    private static readonly ServiceDescriptor TestService = TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService");
    private static readonly ServiceDescriptor UnimplementedService = TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("UnimplementedService");
    private static readonly Method<Empty, Empty> EmptyCall = Find<Empty, Empty>(TestService, "EmptyCall");
    private static readonly Method<SimpleRequest, SimpleResponse> UnaryCall = Find<SimpleRequest, SimpleResponse>(TestService, "UnaryCall");
    private static readonly Method<Empty, Empty> UnimplementedCall = Find<Empty, Empty>(TestService, "UnimplementedCall");
    private static readonly Method<Empty, Empty> UnimplementedServiceCall = Find<Empty, Empty>(UnimplementedService, "UnimplementedCall");
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCall =
        Find<StreamingOutputCallRequest, StreamingOutputCallResponse>(TestService, "StreamingOutputCall");
    private static readonly Method<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCall =
        Find<StreamingInputCallRequest, StreamingInputCallResponse>(TestService, "StreamingInputCall");
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall =
        Find<StreamingOutputCallRequest, StreamingOutputCallResponse>(TestService, "FullDuplexCall");

    public async Task RunAsync(string testCase)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var invoker = channel.CreateCallInvoker();
        Func<CallInvoker, Task> run = testCase switch
        {
            "empty_unary" => EmptyUnaryAsync,
            "large_unary" => LargeUnaryAsync,
            "client_compressed_unary" => _ => ClientCompressedUnaryAsync(),
            "server_compressed_unary" => ServerCompressedUnaryAsync,
            "client_streaming" => ClientStreamingAsync,
            "server_streaming" => ServerStreamingAsync,
            "ping_pong" => PingPongAsync,
            "empty_stream" => EmptyStreamAsync,
            "custom_metadata" => CustomMetadataAsync,
            "status_code_and_message" => StatusCodeAndMessageAsync,
            "special_status_message" => SpecialStatusMessageAsync,
            "unimplemented_method" => i => ExpectStatusAsync(StatusCode.Unimplemented, () => i.AsyncUnaryCall(UnimplementedCall, new Empty()).ResponseAsync),
            "unimplemented_service" => i => ExpectStatusAsync(StatusCode.Unimplemented, () => i.AsyncUnaryCall(UnimplementedServiceCall, new Empty()).ResponseAsync),
            "cancel_after_begin" => CancelAfterBeginAsync,
            "cancel_after_first_response" => CancelAfterFirstResponseAsync,
            "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync,
            _ => throw new ArgumentException($"Unknown interop case '{testCase}'.", nameof(testCase)),
        };
        await run(invoker);
    }

    private static async Task EmptyUnaryAsync(CallInvoker invoker) =>
        Check((await invoker.AsyncUnaryCall(EmptyCall, new Empty())).Equals(new Empty()), "response is not empty");

    private static async Task LargeUnaryAsync(CallInvoker invoker)
    {
        var response = await invoker.AsyncUnaryCall(UnaryCall, LargeRequest());
        Check(response.Payload.Body.Length == 314159 && response.Payload.Body.All(b => b == 0), "payload is not 314159 zeros");
    }

    private async Task ClientCompressedUnaryAsync()
    {
        using var plain = GrpcChannel.ForAddress(address);
        // Grpc.Net.Client compresses a call's request when this header names the algorithm.
        var gzip = new CallOptions(headers: new Metadata { { "grpc-internal-encoding-request", "gzip" } });
        var expectCompressed = LargeRequest();
        expectCompressed.ExpectCompressed = new BoolValue { Value = true };
        if (serverChecksRequestCompression)
        {
            await ExpectStatusAsync(StatusCode.InvalidArgument, () => plain.CreateCallInvoker().AsyncUnaryCall(UnaryCall, expectCompressed).ResponseAsync);
        }

        var first = await plain.CreateCallInvoker().AsyncUnaryCall(UnaryCall, expectCompressed, gzip);
        Check(first.Payload.Body.Length == 314159, "compressed call: wrong payload size");
        var expectPlain = LargeRequest();
        expectPlain.ExpectCompressed = new BoolValue { Value = false };
        var second = await plain.CreateCallInvoker().AsyncUnaryCall(UnaryCall, expectPlain);
        Check(second.Payload.Body.Length == 314159, "uncompressed call: wrong payload size");
    }

    private static async Task ServerCompressedUnaryAsync(CallInvoker invoker)
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            var response = await invoker.AsyncUnaryCall(UnaryCall, request);
            Check(response.Payload.Body.Length == 314159, $"response_compressed={compressed}: wrong payload size");
        }
    }

    private static async Task ClientStreamingAsync(CallInvoker invoker)
    {
        using var call = invoker.AsyncClientStreamingCall(StreamingInputCall);
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;
        Check(response.AggregatedPayloadSize == 74922, $"aggregated size {response.AggregatedPayloadSize}");
    }

    private static async Task ServerStreamingAsync(CallInvoker invoker)
    {
        int[] sizes = [31415, 9, 2653, 58979];
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(sizes.Select(size => new ResponseParameters { Size = size }));
        using var call = invoker.AsyncServerStreamingCall(StreamingOutputCall, request);
        var received = new List<int>();
        while (await call.ResponseStream.MoveNext())
        {
            received.Add(call.ResponseStream.Current.Payload.Body.Length);
        }

        Check(received.SequenceEqual(sizes), $"response sizes {string.Join(",", received)}");
    }

    private static async Task PingPongAsync(CallInvoker invoker)
    {
        int[] requestSizes = [27182, 8, 1828, 45904];
        int[] responseSizes = [31415, 9, 2653, 58979];
        using var call = invoker.AsyncDuplexStreamingCall(FullDuplexCall);
        for (var i = 0; i < requestSizes.Length; i++)
        {
            await call.RequestStream.WriteAsync(DuplexRequest(responseSizes[i], requestSizes[i]));
            Check(await call.ResponseStream.MoveNext(), $"no response {i}");
            Check(call.ResponseStream.Current.Payload.Body.Length == responseSizes[i], $"response {i} size");
        }

        await call.RequestStream.CompleteAsync();
        Check(!await call.ResponseStream.MoveNext(), "more responses than requests");
    }

    private static async Task EmptyStreamAsync(CallInvoker invoker)
    {
        using var call = invoker.AsyncDuplexStreamingCall(FullDuplexCall);
        await call.RequestStream.CompleteAsync();
        Check(!await call.ResponseStream.MoveNext(), "responses to an empty stream");
    }

    private static async Task CustomMetadataAsync(CallInvoker invoker)
    {
        var headers = new Metadata
        {
            { "x-grpc-test-echo-initial", "test_initial_metadata_value" },
            { "x-grpc-test-echo-trailing-bin", [0xab, 0xab, 0xab] },
        };
        using (var unary = invoker.AsyncUnaryCall(UnaryCall, LargeRequest(), new CallOptions(headers: headers)))
        {
            Check((await unary).Payload.Body.Length == 314159, "unary response size");
            CheckEchoed(await unary.ResponseHeadersAsync, unary.GetTrailers());
        }

        using var duplex = invoker.AsyncDuplexStreamingCall(FullDuplexCall, new CallOptions(headers: headers));
        await duplex.RequestStream.WriteAsync(DuplexRequest(314159, 271828));
        await duplex.RequestStream.CompleteAsync();
        Check(await duplex.ResponseStream.MoveNext() && duplex.ResponseStream.Current.Payload.Body.Length == 314159, "duplex response");
        Check(!await duplex.ResponseStream.MoveNext(), "more than one duplex response");
        CheckEchoed(await duplex.ResponseHeadersAsync, duplex.GetTrailers());
    }

    private static async Task StatusCodeAndMessageAsync(CallInvoker invoker)
    {
        var status = new EchoStatus { Code = 2, Message = "test status message" };
        var unary = await ExpectStatusAsync(StatusCode.Unknown, () => invoker.AsyncUnaryCall(UnaryCall, new SimpleRequest { ResponseStatus = status }).ResponseAsync);
        Check(unary.Status.Detail == status.Message, $"unary detail '{unary.Status.Detail}'");

        using var duplex = invoker.AsyncDuplexStreamingCall(FullDuplexCall);
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
        await duplex.RequestStream.CompleteAsync();
        var streamed = await ExpectStatusAsync(StatusCode.Unknown, () => duplex.ResponseStream.MoveNext());
        Check(streamed.Status.Detail == status.Message, $"duplex detail '{streamed.Status.Detail}'");
    }

    private static async Task SpecialStatusMessageAsync(CallInvoker invoker)
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = SpecialMessage } };
        var error = await ExpectStatusAsync(StatusCode.Unknown, () => invoker.AsyncUnaryCall(UnaryCall, request).ResponseAsync);
        Check(error.Status.Detail == SpecialMessage, $"detail '{error.Status.Detail}'");
    }

    private static async Task CancelAfterBeginAsync(CallInvoker invoker)
    {
        using var cancellation = new CancellationTokenSource();
        using var call = invoker.AsyncClientStreamingCall(StreamingInputCall, new CallOptions(cancellationToken: cancellation.Token));
        await cancellation.CancelAsync();
        await ExpectStatusAsync(StatusCode.Cancelled, () => call.ResponseAsync);
    }

    private static async Task CancelAfterFirstResponseAsync(CallInvoker invoker)
    {
        using var cancellation = new CancellationTokenSource();
        using var call = invoker.AsyncDuplexStreamingCall(FullDuplexCall, new CallOptions(cancellationToken: cancellation.Token));
        await call.RequestStream.WriteAsync(DuplexRequest(31415, 27182));
        Check(await call.ResponseStream.MoveNext() && call.ResponseStream.Current.Payload.Body.Length == 31415, "first response");
        await cancellation.CancelAsync();
        await ExpectStatusAsync(StatusCode.Cancelled, () => call.ResponseStream.MoveNext());
    }

    private static async Task TimeoutOnSleepingServerAsync(CallInvoker invoker)
    {
        using var call = invoker.AsyncDuplexStreamingCall(FullDuplexCall, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(1)));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(27182) });
        }
        catch (Exception written) when (written is RpcException { StatusCode: StatusCode.DeadlineExceeded or StatusCode.Cancelled } or IOException)
        {
            // The deadline may pass before the request is even written: Grpc.Net.Client then
            // fails the write on its own (as cancelled), or the server has already reset the
            // stream and the write fails on HTTP/2 (HttpProtocolException, an IOException; seen
            // against grpcio). The interop spec checks only the call's status, below.
        }

        await ExpectStatusAsync(StatusCode.DeadlineExceeded, () => call.ResponseStream.MoveNext());
    }

    private static async Task<RpcException> ExpectStatusAsync(StatusCode expected, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException exception)
        {
            Check(exception.StatusCode == expected, $"expected {expected}, got {exception.Status}");
            return exception;
        }

        throw new InvalidOperationException($"expected {expected}, the call succeeded");
    }

    private static void CheckEchoed(Metadata headers, Metadata trailers)
    {
        Check(headers.GetValue("x-grpc-test-echo-initial") == "test_initial_metadata_value", "initial metadata not echoed");
        Check(trailers.GetValueBytes("x-grpc-test-echo-trailing-bin") is [0xab, 0xab, 0xab], "trailing metadata not echoed");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static SimpleRequest LargeRequest() => new() { ResponseSize = 314159, Payload = Zeros(271828) };

    private static StreamingOutputCallRequest DuplexRequest(int responseSize, int requestSize)
    {
        var request = new StreamingOutputCallRequest { Payload = Zeros(requestSize) };
        request.ResponseParameters.Add(new ResponseParameters { Size = responseSize });
        return request;
    }

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static Method<TRequest, TResponse> Find<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        GrpcMethods.From<TRequest, TResponse>(service.FindMethodByName(name));
}
