using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ColorizeBridge.Grpc;

/// <summary>An RPC as a client calls it: its path and how to read its messages.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    public Method(MethodType type, string serviceName, string name)
    {
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = $"/{serviceName}/{name}";
    }

    public MethodType Type { get; }

    /// <summary>The package-qualified service, e.g. <c>colorizebridge.v1.Colorizer</c>.</summary>
    public string ServiceName { get; }

    public string Name { get; }

    /// <summary>The request path, <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    internal MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());

    /// <summary>The method a protobuf descriptor declares, checked against the message types given.</summary>
    public static Method<TRequest, TResponse> FromDescriptor(MethodDescriptor method)
    {
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{method.FullName} takes {method.InputType.FullName} and returns {method.OutputType.FullName}, "
                + $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(method));
        }

        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        return new Method<TRequest, TResponse>(type, method.Service.FullName, method.Name);
    }
}
