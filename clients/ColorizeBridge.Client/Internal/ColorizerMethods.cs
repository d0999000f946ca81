using ColorizeBridge.Api.V1;
using ColorizeBridge.Grpc;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;

namespace ColorizeBridge.Client.Internal;

/// <summary>The RPCs the client calls, read from the generated descriptors so names and shapes cannot drift from the .proto files.</summary>
internal static class ColorizerMethods
{
    private static readonly ServiceDescriptor Colorizer = ColorizerReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Colorizer");
    private static readonly ServiceDescriptor Health = HealthReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Health");

    public static readonly Method<ListModelsRequest, ListModelsResponse> ListModels = From<ListModelsRequest, ListModelsResponse>(Colorizer, "ListModels");

    public static readonly Method<ColorizeRequest, ColorizeUpdate> Colorize = From<ColorizeRequest, ColorizeUpdate>(Colorizer, "Colorize");

    public static readonly Method<PreviewRequest, PreviewFrame> PreviewHints = From<PreviewRequest, PreviewFrame>(Colorizer, "PreviewHints");

    public static readonly Method<ExtractLineArtRequest, ExtractLineArtResponse> ExtractLineArt =
        From<ExtractLineArtRequest, ExtractLineArtResponse>(Colorizer, "ExtractLineArt");

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> HealthCheck = From<HealthCheckRequest, HealthCheckResponse>(Health, "Check");

    private static Method<TRequest, TResponse> From<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Method<TRequest, TResponse>.FromDescriptor(service.FindMethodByName(name));
}
