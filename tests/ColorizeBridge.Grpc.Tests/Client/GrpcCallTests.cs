using System.Diagnostics;
using ColorizeBridge.Grpc.Client;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using ColorizeBridge.Grpc.Tests.Probe;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ColorizeBridge.Grpc.Tests.Client;

public sealed class GrpcCallTests : IAsyncLifetime
{
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCall =
        Method<StreamingOutputCallRequest, StreamingOutputCallResponse>.FromDescriptor(TestReflection.Descriptor.Services[0].FindMethodByName("FullDuplexCall"));

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(mapMore: app =>
    {
        // Endpoints that are not gRPC at all, to see how the client copes.
        app.MapPost("/plain.Service/Hang", async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        app.MapPost("/plain.Service/Missing", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.MapPost("/plain.Service/NoMessage", context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "0";
            return Task.CompletedTask;
        });
        app.MapPost("/plain.Service/Busy", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Deadline_ServerNeverAnswers_EndsLocallyWithDeadlineExceeded()
    {
        using var channel = _host.CreateChannel();
        var hang = new Method<ProbeRequest, ProbeReply>(MethodType.Unary, "plain.Service", "Hang");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.CreateCallInvoker().AsyncUnaryCall(hang, new ProbeRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(300))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DeadlineInThePast_FailsWithoutSending()
    {
        using var channel = _host.CreateChannel();

        var call = channel.CreateCallInvoker().AsyncUnaryCall(
            ProbeMethods.Sleep, new ProbeRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1)));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
    }

    [Theory]
    [InlineData("Missing", StatusCode.Unimplemented)]
    [InlineData("Busy", StatusCode.Unavailable)]
    public async Task NonGrpcResponse_MapsTheHttpStatus(string method, StatusCode expected)
    {
        using var channel = _host.CreateChannel();
        var plain = new Method<ProbeRequest, ProbeReply>(MethodType.Unary, "plain.Service", method);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(plain, new ProbeRequest()).ResponseAsync);

        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_EndingOkWithoutAMessage_IsInternal()
    {
        using var channel = _host.CreateChannel();
        var noMessage = new Method<ProbeRequest, ProbeReply>(MethodType.Unary, "plain.Service", "NoMessage");
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(noMessage, new ProbeRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(StatusCode.Internal, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ResponseLargerThanReceiveLimit_IsResourceExhausted()
    {
        using var channel = _host.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, new ProbeRequest { ReplyBlobSize = 5000 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task RequestLargerThanSendLimit_IsResourceExhaustedBeforeSending()
    {
        using var channel = _host.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 1000 });
        var request = new ProbeRequest { Blob = ByteString.CopyFrom(new byte[5000]) };

        var error = Assert.Throws<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, request));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ImageSizedMessages_RoundTripBothWays()
    {
        const int size = 24 * 1024 * 1024;
        using var channel = _host.CreateChannel();
        var request = new ProbeRequest { Blob = ByteString.CopyFrom(new byte[size]), ReplyBlobSize = size };

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, request).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(size, reply.ReceivedBlobSize);
        Assert.Equal(size, reply.Blob.Length);
    }

    [Fact]
    public async Task ConcurrentCalls_OnOneChannel_AllSucceed()
    {
        using var channel = _host.CreateChannel();
        var invoker = channel.CreateCallInvoker();

        var replies = await Task.WhenAll(Enumerable.Range(1, 64).Select(i =>
            invoker.AsyncUnaryCall(ProbeMethods.Blob, new ProbeRequest { Blob = ByteString.CopyFrom(new byte[i * 1000]), ReplyBlobSize = i }).ResponseAsync));

        Assert.Equal(Enumerable.Range(1, 64), replies.Select(r => r.Blob.Length));
        Assert.Equal(Enumerable.Range(1, 64).Select(i => i * 1000), replies.Select(r => r.ReceivedBlobSize));
    }

    [Fact]
    public async Task GzipRequests_AndGzipResponses_RoundTrip()
    {
        using var channel = _host.CreateChannel(new GrpcChannelOptions { RequestCompressionAlgorithm = "gzip" });
        var request = new ProbeRequest { Blob = ByteString.CopyFrom(new byte[100_000]), ReplyBlobSize = 100_000 };

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, request);
        var reply = await call;

        Assert.Equal(100_000, reply.ReceivedBlobSize);
        Assert.Equal(100_000, reply.Blob.Length);
        Assert.Equal("gzip", (await call.ResponseHeadersAsync).GetValue("grpc-encoding") ?? "gzip");
    }

    [Fact]
    public async Task ServerStreamingError_AfterMessages_DeliversTheMessagesThenTheStatus()
    {
        using var channel = _host.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(ProbeMethods.Count, new ProbeRequest { ReplyCount = 3, Text = "stop here" });
        var texts = new List<string>();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
                texts.Add(call.ResponseStream.Current.Text);
            }
        });

        Assert.Equal(["0", "1", "2"], texts);
        Assert.Equal(new Status(StatusCode.Aborted, "stop here"), error.Status);
        Assert.Equal(error.Status, call.GetStatus());
    }

    [Fact]
    public async Task Duplex_RequestsAndResponsesInterleave()
    {
        using var channel = _host.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(ProbeMethods.Chat);

        foreach (var word in new[] { "line", "art" })
        {
            await call.RequestStream.WriteAsync(new ProbeRequest { Text = word });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(word.ToUpperInvariant(), call.ResponseStream.Current.Text);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task CompleteAfterTheServerEndedTheCall_IsHarmless_AndTheStatusComesWithTheResponses()
    {
        using var channel = _host.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(FullDuplexCall);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = new EchoStatus { Code = 9, Message = "done" } });
        await call.ResponseHeadersAsync;

        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task WriteAfterComplete_IsRefused()
    {
        using var channel = _host.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(ProbeMethods.Collect);
        await call.RequestStream.WriteAsync(new ProbeRequest { Text = "a" });
        await call.RequestStream.CompleteAsync();
        var reply = await call;

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new ProbeRequest()));
        Assert.Equal("a", reply.Text);
    }

    [Fact]
    public async Task GrpcWebMode_ServerStreamingOverHttp11_Works()
    {
        using var channel = GrpcChannel.ForAddress(_host.Http1Address, new GrpcChannelOptions { UseGrpcWeb = true });
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(ProbeMethods.Count, new ProbeRequest { ReplyCount = 3 });
        var texts = new List<string>();

        while (await call.ResponseStream.MoveNext())
        {
            texts.Add(call.ResponseStream.Current.Text);
        }

        Assert.Equal(["0", "1", "2"], texts);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task GrpcWebMode_ErrorStatus_IsReported()
    {
        using var channel = GrpcChannel.ForAddress(_host.Http1Address, new GrpcChannelOptions { UseGrpcWeb = true });

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Throw, new ProbeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
    }

    [Fact]
    public async Task GrpcWebMode_LargeMessage_RoundTripsOverHttp11()
    {
        const int size = 4 * 1024 * 1024;
        using var channel = GrpcChannel.ForAddress(_host.Http1Address, new GrpcChannelOptions { UseGrpcWeb = true });
        var request = new ProbeRequest { Blob = ByteString.CopyFrom(new byte[size]), ReplyBlobSize = size };

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, request).ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(size, reply.ReceivedBlobSize);
        Assert.Equal(size, reply.Blob.Length);
    }

    [Fact]
    public void GrpcWebMode_ClientStreaming_IsRefused()
    {
        using var channel = GrpcChannel.ForAddress(_host.Http1Address, new GrpcChannelOptions { UseGrpcWeb = true });

        Assert.Throws<NotSupportedException>(() => channel.CreateCallInvoker().AsyncClientStreamingCall(ProbeMethods.Collect));
    }
}
