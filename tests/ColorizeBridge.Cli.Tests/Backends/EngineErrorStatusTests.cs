using ColorizeBridge.Cli.Backends;
using ColorizeBridge.Engine;
using Grpc.Core;

namespace ColorizeBridge.Cli.Tests.Backends;

public sealed class EngineErrorStatusTests
{
    public static TheoryData<EngineException, StatusCode> Errors() => new()
    {
        { new InvalidRequestException("sigma", "sigma must be 0 (default 0.4) or up to 10 pixels, got -1"), StatusCode.InvalidArgument },
        { new NotFoundException("Unknown model 'nope'."), StatusCode.NotFound },
        { new ResourceExhaustedException("send a smaller image", TimeSpan.FromSeconds(2)), StatusCode.ResourceExhausted },
        { new FailedPreconditionException("No trained model is installed"), StatusCode.FailedPrecondition },
        { new UnavailableException("Model 'tiny' is still loading; retry in a few seconds."), StatusCode.Unavailable },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ToRpcException_EachEngineError_TheStatusAServerWouldSend(EngineException error, StatusCode expected)
    {
        RpcException mapped = EngineErrorStatus.ToRpcException(error);

        Assert.Equal(expected, mapped.StatusCode);
        Assert.Equal(error.Message, mapped.Status.Detail);
    }
}
