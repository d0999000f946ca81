using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace ColorizeBridge.Tests.Shared;

/// <summary>A <see cref="Method{TRequest, TResponse}"/> from a protobuf method descriptor, for tests that call through a raw <see cref="CallInvoker"/>.</summary>
public static class GrpcMethods
{
    public static Method<TRequest, TResponse> From<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        MethodType type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        return Of<TRequest, TResponse>(type, method.Service.FullName, method.Name);
    }

    /// <summary>Any method, also one the server does not have or of another kind than the contract's.</summary>
    public static Method<TRequest, TResponse> Of<TRequest, TResponse>(MethodType type, string service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(type, service, name, MarshallerOf<TRequest>(), MarshallerOf<TResponse>());

    private static Marshaller<T> MarshallerOf<T>()
        where T : class, IMessage<T>, new() =>
        Marshallers.Create(message => message.ToByteArray(), new MessageParser<T>(() => new T()).ParseFrom);
}
