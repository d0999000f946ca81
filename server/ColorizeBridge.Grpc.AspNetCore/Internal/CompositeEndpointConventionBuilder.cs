using Microsoft.AspNetCore.Builder;

namespace ColorizeBridge.Grpc.AspNetCore.Internal;

/// <summary>Applies a convention (authorization, CORS, metadata) to every endpoint of a mapped service.</summary>
internal sealed class CompositeEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }
}
