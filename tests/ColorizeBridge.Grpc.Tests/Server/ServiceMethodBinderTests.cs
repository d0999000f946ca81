using ColorizeBridge.Grpc.AspNetCore;
using ColorizeBridge.Grpc.AspNetCore.Internal.Binding;
using ColorizeBridge.Grpc.Tests.Infrastructure;
using ColorizeBridge.Grpc.Tests.Probe;
using Microsoft.Extensions.Logging.Abstractions;

namespace ColorizeBridge.Grpc.Tests.Server;

public sealed class ServiceMethodBinderTests
{
    [Fact]
    public void CompleteService_BindsEveryMethodToItsPath()
    {
        var bound = ServiceMethodBinder.Bind<ProbeService>(ProbeReflection.Descriptor.Services[0], new GrpcWireOptions(), NullLogger.Instance);

        Assert.Equal(
            ["Throw", "Sleep", "Blob", "Count", "Drip", "Collect", "Chat"],
            bound.Select(m => m.Path["/colorizebridge.testing.Probe/".Length..]));
    }

    [Fact]
    public void MissingAndMistypedMethods_FailAtStartup_NamingTheExpectedSignatures()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ServiceMethodBinder.Bind<HalfDoneProbe>(ProbeReflection.Descriptor.Services[0], new GrpcWireOptions(), NullLogger.Instance));

        Assert.Contains("colorizebridge.testing.Probe.Sleep", error.Message, StringComparison.Ordinal);
        Assert.Contains("Task<ProbeReply> Sleep(ProbeRequest, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Task Count(ProbeRequest, IServerStreamWriter<ProbeReply>, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Task<ProbeReply> Collect(IAsyncStreamReader<ProbeRequest>, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "Task Chat(IAsyncStreamReader<ProbeRequest>, IServerStreamWriter<ProbeReply>, ServerCallContext)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Probe.Throw", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Throw and Blob are right; Sleep returns the wrong type, Count takes the wrong shape, Collect and Chat are missing.</summary>
    private sealed class HalfDoneProbe
    {
        public Task<ProbeReply> Throw(ProbeRequest request, ServerCallContext context) => Task.FromResult(new ProbeReply());

        public Task<ProbeReply> Blob(ProbeRequest request, ServerCallContext context) => Task.FromResult(new ProbeReply());

        public Task<ProbeRequest> Sleep(ProbeRequest request, ServerCallContext context) => Task.FromResult(request);

        public Task<ProbeReply> Count(ProbeRequest request, ServerCallContext context) => Task.FromResult(new ProbeReply());
    }
}
