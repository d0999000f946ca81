using System.Net;
using ColorizeBridge.Grpc.Internal.Client;

namespace ColorizeBridge.Grpc.Tests.Client;

public sealed class HttpStatusMappingTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public void HttpStatus_MapsAsTheSpecSays(HttpStatusCode httpStatus, StatusCode expected)
    {
        Assert.Equal(expected, HttpStatusMapping.ToStatus(httpStatus).StatusCode);
    }
}
