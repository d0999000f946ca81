using ColorizeBridge.Grpc.Tests.Infrastructure;
using ColorizeBridge.Grpc.Tests.Probe;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ColorizeBridge.Grpc.Tests.Server;

/// <summary>Kestrel's HTTP body limits are tightened here so the test shows the call handlers lift them.</summary>
public sealed class ServerCallHandlerBaseTests : IAsyncLifetime
{
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(configureKestrel: kestrel =>
    {
        kestrel.Limits.MaxRequestBodySize = 100_000;
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 10_000, gracePeriod: TimeSpan.FromSeconds(1.5));
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RequestPastKestrelsBodyLimit_IsLimitedByMessageSizeOnly()
    {
        using var channel = _host.CreateChannel();
        var request = new ProbeRequest { Blob = ByteString.CopyFrom(new byte[300_000]) };

        var reply = await channel.CreateCallInvoker().AsyncUnaryCall(ProbeMethods.Blob, request);

        Assert.Equal(300_000, reply.ReceivedBlobSize);
    }

    [Fact]
    public async Task IdleClientStream_OutlivesKestrelsMinimumUploadRate()
    {
        using var channel = _host.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(ProbeMethods.Chat);
        await call.RequestStream.WriteAsync(new ProbeRequest { Text = "before" });
        Assert.True(await call.ResponseStream.MoveNext());

        await Task.Delay(TimeSpan.FromSeconds(4));

        await call.RequestStream.WriteAsync(new ProbeRequest { Text = "after" });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal("AFTER", call.ResponseStream.Current.Text);
    }
}
