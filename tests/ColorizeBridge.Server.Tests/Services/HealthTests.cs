using ColorizeBridge.Engine.Models;
using ColorizeBridge.Server.Tests.Support;
using ColorizeBridge.Tests.Shared;
using Grpc.Core;
using Grpc.Health.V1;

namespace ColorizeBridge.Server.Tests.Services;

[Collection(ServerCollection.Name)]
public sealed class HealthTests(ServerFixture server)
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        GrpcMethods.From<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"));

    [Theory]
    [InlineData("", HealthCheckResponse.Types.ServingStatus.Serving)]
    [InlineData(ModelHealth.ColorizerService, HealthCheckResponse.Types.ServingStatus.Serving)]
    [InlineData(ModelHealth.ColorizerService + "/tiny", HealthCheckResponse.Types.ServingStatus.Serving)]
    [InlineData(ModelHealth.ColorizerService + "/broken", HealthCheckResponse.Types.ServingStatus.NotServing)]
    public async Task Check_AfterLoading_ReportsServiceAndEachModel(string service, HealthCheckResponse.Types.ServingStatus expected)
    {
        HealthCheckResponse response = await server.Invoker.AsyncUnaryCall(Check, new HealthCheckRequest { Service = service }).ResponseAsync;

        Assert.Equal(expected, response.Status);
    }
}
