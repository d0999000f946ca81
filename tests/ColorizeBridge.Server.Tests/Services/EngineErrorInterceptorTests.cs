using ColorizeBridge.Engine;
using ColorizeBridge.Server.Services;
using Grpc.Core;

namespace ColorizeBridge.Server.Tests.Services;

public sealed class EngineErrorInterceptorTests
{
    public static TheoryData<EngineException, StatusCode> Errors() => new()
    {
        { new InvalidRequestException("options.work_side", "options.work_side is 9999"), StatusCode.InvalidArgument },
        { new NotFoundException("Unknown model 'nope'."), StatusCode.NotFound },
        { new ResourceExhaustedException("send a smaller image"), StatusCode.ResourceExhausted },
        { new FailedPreconditionException("Model 'broken' failed to load"), StatusCode.FailedPrecondition },
        { new UnavailableException("The server is shutting down"), StatusCode.Unavailable },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ToRpcException_EachEngineError_ItsStatusWithTheMessageUnchanged(EngineException error, StatusCode expected)
    {
        RpcException mapped = EngineErrorInterceptor.ToRpcException(error);

        Assert.Equal(expected, mapped.StatusCode);
        Assert.Equal(error.Message, mapped.Status.Detail);
    }

    [Fact]
    public void EngineErrorCode_EveryValue_IsTheGrpcStatusCodeOfTheSameName()
    {
        foreach (EngineErrorCode code in Enum.GetValues<EngineErrorCode>())
        {
            Assert.Equal(code.ToString(), ((StatusCode)code).ToString());
        }
    }

    [Fact]
    public void ToRpcException_RetryHint_BecomesThePushbackTrailerInMilliseconds()
    {
        RpcException mapped = EngineErrorInterceptor.ToRpcException(new ResourceExhaustedException("queue full", TimeSpan.FromSeconds(2)));

        Assert.Equal("2000", mapped.Trailers.GetValue("grpc-retry-pushback-ms"));
    }

    [Fact]
    public void ToRpcException_NoRetryHint_NoPushbackTrailer()
    {
        RpcException mapped = EngineErrorInterceptor.ToRpcException(new ResourceExhaustedException("send a smaller image"));

        Assert.Null(mapped.Trailers.Get("grpc-retry-pushback-ms"));
    }
}
