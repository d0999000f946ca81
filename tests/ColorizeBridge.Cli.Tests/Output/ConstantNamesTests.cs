using ColorizeBridge.Api.V1;
using ColorizeBridge.Cli.Output;
using Grpc.Core;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ColorizeBridge.Cli.Tests.Output;

public sealed class ConstantNamesTests
{
    [Fact]
    public void Of_StatusCodes_SpellsThemAsTheGrpcSpecDoes()
    {
        Assert.Equal("OK", ConstantNames.Of(StatusCode.OK));
        Assert.Equal("NOT_FOUND", ConstantNames.Of(StatusCode.NotFound));
        Assert.Equal("INVALID_ARGUMENT", ConstantNames.Of(StatusCode.InvalidArgument));
        Assert.Equal("FAILED_PRECONDITION", ConstantNames.Of(StatusCode.FailedPrecondition));
    }

    [Fact]
    public void Of_ProtobufEnums_SpellsThemAsTheProtoDoes()
    {
        Assert.Equal("NOT_SERVING", ConstantNames.Of(ServingStatus.NotServing));
        Assert.Equal("SERVICE_UNKNOWN", ConstantNames.Of(ServingStatus.ServiceUnknown));
        Assert.Equal("READY", ConstantNames.Of(ModelState.Ready));
    }
}
