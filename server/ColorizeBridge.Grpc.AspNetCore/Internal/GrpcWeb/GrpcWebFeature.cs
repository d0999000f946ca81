namespace ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;

/// <summary>Marks a request that arrived as gRPC-Web, so call handlers accept it over HTTP/1.1.</summary>
internal sealed class GrpcWebFeature
{
}
