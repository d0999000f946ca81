using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace ColorizeBridge.Interop.Tests.Interop;

/// <summary>
/// grpc.testing.TestService as the interop server features describe it
/// (grpc/grpc doc/interop-test-descriptions.md, "Server").
/// </summary>
public sealed class InteropTestService : TestService.TestServiceBase
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        EnsureCompression(request.ExpectCompressed, context);
        ThrowIfStatusRequested(request.ResponseStatus);
        if (request.ResponseCompressed is { Value: false })
        {
            context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }

        return new SimpleResponse { Payload = Zeros(request.ResponseSize) };
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await SendResponsesAsync(request, responseStream, context);
        ThrowIfStatusRequested(request.ResponseStatus);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            EnsureCompression(requestStream.Current.ExpectCompressed, context);
            total += requestStream.Current.Payload.Body.Length;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            ThrowIfStatusRequested(requestStream.Current.ResponseStatus);
            await SendResponsesAsync(requestStream.Current, responseStream, context);
        }
    }

    public override async Task HalfDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requests.Add(requestStream.Current);
        }

        foreach (var request in requests)
        {
            await SendResponsesAsync(request, responseStream, context);
        }
    }

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) =>
        UnaryCall(request, context);

    private static async Task SendResponsesAsync(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            responseStream.WriteOptions = parameters.Compressed is { Value: false } ? new WriteOptions(WriteFlags.NoCompress) : null;
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Zeros(parameters.Size) }, context.CancellationToken);
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.Get(EchoInitialKey) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { initial });
        }

        if (context.RequestHeaders.Get(EchoTrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(trailing);
        }
    }

    // The request header tells whether the client compressed (grpc-encoding is a protocol header, not metadata).
    private static void EnsureCompression(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed is null)
        {
            return;
        }

        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        var compressed = encoding.Length > 0 && encoding != "identity";
        if (expectCompressed.Value != compressed)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Expected compressed={expectCompressed.Value}, got grpc-encoding '{encoding}'."));
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is not null && status.Code != 0)
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
