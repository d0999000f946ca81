using ColorizeBridge.Grpc.AspNetCore.Internal;
using ColorizeBridge.Grpc.AspNetCore.Internal.Binding;
using ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;
using ColorizeBridge.Grpc.AspNetCore.Internal.Health;
using ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ColorizeBridge.Grpc.AspNetCore;

public static class GrpcWireEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "ColorizeBridge.Grpc.Server";

    /// <summary>
    /// Routes every RPC of <paramref name="service"/> (e.g.
    /// <c>ColorizerReflection.Descriptor.Services[0]</c>) to the method of
    /// <typeparamref name="TService"/> with the same name. Throws at startup
    /// when a method is missing or its signature does not fit the call shape.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints, ServiceDescriptor service)
        where TService : class
    {
        var provider = endpoints.ServiceProvider;
        var registry = provider.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpcWire() before mapping gRPC services.");
        var options = provider.GetRequiredService<IOptions<GrpcWireOptions>>().Value;
        options.Validate();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);

        var methods = ServiceMethodBinder.Bind<TService>(service, options, logger);
        registry.Add(service);
        MapUnimplementedFallback(endpoints, registry, logger);
        var builders = methods
            .Select(method => endpoints.MapPost(method.Path, method.Handler).WithDisplayName($"gRPC {method.Path}"))
            .ToList();
        return new CompositeEndpointConventionBuilder(builders);
    }

    /// <summary>Serves <c>grpc.health.v1.Health</c>; set statuses with <see cref="HealthStatusService"/>.</summary>
    public static IEndpointConventionBuilder MapGrpcHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthService>(global::Grpc.Health.V1.HealthReflection.Descriptor.Services[0]);

    /// <summary>Serves server reflection v1 and v1alpha over every service mapped on this server, so grpcurl can list and describe them.</summary>
    public static IEndpointConventionBuilder MapGrpcReflection(this IEndpointRouteBuilder endpoints) =>
        new CompositeEndpointConventionBuilder(
        [
            endpoints.MapGrpcService<ReflectionServiceV1>(global::Grpc.Reflection.V1.ReflectionReflection.Descriptor.Services[0]),
            endpoints.MapGrpcService<ReflectionServiceV1Alpha>(global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0]),
        ]);

    // PROTOCOL-HTTP2.md: an unknown service or method still gets a gRPC
    // answer (UNIMPLEMENTED), not an HTTP 404 the client would misread.
    private static void MapUnimplementedFallback(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, ILogger logger)
    {
        if (registry.FallbackMapped)
        {
            return;
        }

        registry.FallbackMapped = true;
        var handler = new UnimplementedCallHandler(registry, logger);
        endpoints.Map("/{service}/{method}", handler.HandleCallAsync)
            .WithDisplayName("gRPC unimplemented")
            .Add(builder => ((RouteEndpointBuilder)builder).Order = int.MaxValue);
    }
}
