using System.Net;
using ColorizeBridge.Grpc.AspNetCore.Internal;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using ColorizeBridge.Grpc.Tests.Probe;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.Tests.Server;

/// <summary>Each test gets its own host: they look at the server's log and at one probe's tokens.</summary>
public sealed class HttpContextServerCallContextTests : IAsyncLifetime
{
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(options =>
    {
        options.MaxReceiveMessageSize = 64 * 1024;
        options.MaxSendMessageSize = 64 * 1024;
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HandlerException_IsUnknownWithAGenericMessage_AndLoggedAsError()
    {
        using var channel = _host.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Throw, new ProbeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var logged = Assert.Single(_host.Logs.GrpcServerEntries, e => e.EventId.Id == 7);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal(ProbeService.SecretDetail, logged.Exception?.Message);
    }

    [Fact]
    public async Task EarlyError_IsATrailersOnlyResponse()
    {
        var response = await RawGrpcClient.PostAsync(_host.Http2Address, ProbeMethods.Throw.FullName, ProbeMethods.Frame(new ProbeRequest()));

        Assert.Equal("2", response.Header("grpc-status"));
        Assert.Empty(response.Body);
        Assert.Empty(response.Trailers);
    }

    [Fact]
    public async Task Deadline_Expired_ReturnsDeadlineExceededFromTheServer_AndFiresTheHandlerToken()
    {
        // A raw request has no local timer: DEADLINE_EXCEEDED can only come from the server.
        var response = await RawGrpcClient.PostAsync(
            _host.Http2Address, ProbeMethods.Sleep.FullName, ProbeMethods.Frame(new ProbeRequest { SleepMs = 30_000 }), headers: [new("grpc-timeout", "200m")]);

        Assert.Equal("4", response.Header("grpc-status") ?? response.Trailer("grpc-status"));
        await _host.Probe.SleepCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(_host.Logs.GrpcServerEntries, e => e.EventId.Id == 5 && e.Level == LogLevel.Information);
    }

    [Fact]
    public async Task WriteAfterTheDeadline_IsCancelled_WithoutAnErrorLog()
    {
        var request = new ProbeRequest { ReplyCount = 10, SleepMs = 100 };

        var response = await RawGrpcClient.PostAsync(
            _host.Http2Address, ProbeMethods.Drip.FullName, ProbeMethods.Frame(request), headers: [new("grpc-timeout", "250m")]);

        Assert.Equal("4", response.Trailer("grpc-status"));
        Assert.IsAssignableFrom<OperationCanceledException>(await _host.Probe.DripEnded.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(100);
        Assert.DoesNotContain(_host.Logs.GrpcServerEntries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Deadline_FromGrpcTimeout_IsWhatTheMethodSees()
    {
        using var channel = _host.CreateChannel();
        var deadline = DateTime.UtcNow.AddMinutes(1);

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Sleep, new ProbeRequest(), new CallOptions(Deadline: deadline));

        var seen = DateTime.Parse(reply.Text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
        Assert.InRange(seen, deadline.AddSeconds(-5), deadline.AddSeconds(1));
    }

    [Fact]
    public async Task NoGrpcTimeout_MeansNoDeadline()
    {
        using var channel = _host.CreateChannel();

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Sleep, new ProbeRequest());

        Assert.Equal(DateTime.MaxValue.ToString("O", System.Globalization.CultureInfo.InvariantCulture), reply.Text);
    }

    [Fact]
    public async Task ClientCancellation_FiresTheHandlerToken_AndIsLoggedAsInformation()
    {
        using var channel = _host.CreateChannel();
        using var cancellation = new CancellationTokenSource();
        var call = channel.CreateCallInvoker().AsyncUnaryCall(
            ProbeMethods.Sleep, new ProbeRequest { SleepMs = 30_000 }, new CallOptions(CancellationToken: cancellation.Token));
        await _host.Probe.SleepStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await _host.Probe.SleepCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitForAsync(() => _host.Logs.GrpcServerEntries.Any(e => e.EventId.Id == 6));
        Assert.Equal(LogLevel.Information, _host.Logs.GrpcServerEntries.Single(e => e.EventId.Id == 6).Level);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task RequestLargerThanReceiveLimit_IsResourceExhausted()
    {
        using var channel = _host.CreateChannel();
        var request = new ProbeRequest { Blob = ByteString.CopyFrom(new byte[100 * 1024]) };

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseLargerThanSendLimit_IsResourceExhausted()
    {
        using var channel = _host.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, new ProbeRequest { ReplyBlobSize = 100 * 1024 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task ResponseCompression_FollowsTheMethodsWriteOptions(bool responseCompressed, byte expectedFlag)
    {
        var request = new SimpleRequest { ResponseSize = 1000, ResponseCompressed = new BoolValue { Value = responseCompressed } };

        var response = await RawGrpcClient.PostAsync(
            _host.Http2Address, "/grpc.testing.TestService/UnaryCall", ProbeMethods.Frame(request), headers: [new("grpc-accept-encoding", "gzip")]);

        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.Equal(expectedFlag, response.Body[0]);
    }

    [Fact]
    public async Task ResponseCompression_IsSkippedWhenTheClientDoesNotAcceptGzip()
    {
        var request = new SimpleRequest { ResponseSize = 1000, ResponseCompressed = new BoolValue { Value = true } };

        var response = await RawGrpcClient.PostAsync(_host.Http2Address, "/grpc.testing.TestService/UnaryCall", ProbeMethods.Frame(request));

        Assert.Null(response.Header("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
    }

    [Fact]
    public void Peer_DescribesTheRemoteAddress()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Connection.RemotePort = 5050;
        using var context = new HttpContextServerCallContext(http, "/a.B/C", new AspNetCore.GrpcWireOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.Equal("ipv4:127.0.0.1:5050", context.Peer);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
