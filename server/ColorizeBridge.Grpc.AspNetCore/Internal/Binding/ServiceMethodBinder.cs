using System.Reflection;
using ColorizeBridge.Grpc.AspNetCore.Internal.CallHandlers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.Binding;

/// <summary>
/// Binds every RPC of a protobuf service descriptor to the implementation's
/// method of the same name, checking at startup that its signature fits the
/// call shape, so a mistake fails the host instead of the first call.
/// </summary>
internal static class ServiceMethodBinder
{
    public static IReadOnlyList<BoundMethod> Bind<TService>(ServiceDescriptor service, GrpcWireOptions options, ILogger logger)
        where TService : class
    {
        var bound = new List<BoundMethod>();
        var problems = new List<string>();
        foreach (var method in service.Methods)
        {
            var shape = MethodShape.Of(method);
            if (shape is null)
            {
                problems.Add($"{method.FullName}: its message types have no generated C# classes.");
                continue;
            }

            var implementation = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, shape.ParameterTypes);
            if (implementation is null || implementation.ReturnType != shape.ReturnType)
            {
                problems.Add($"{method.FullName}: expected 'public {shape.Describe(method.Name)}' on {typeof(TService).FullName}.");
                continue;
            }

            var path = $"/{service.FullName}/{method.Name}";
            bound.Add(new BoundMethod(path, CreateHandler<TService>(path, shape, implementation, options, logger)));
            logger.MethodBound(path, typeof(TService).FullName ?? typeof(TService).Name, implementation.Name);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot bind gRPC service '{service.FullName}' to {typeof(TService).FullName}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }

        return bound;
    }

    private static Microsoft.AspNetCore.Http.RequestDelegate CreateHandler<TService>(
        string path, MethodShape shape, MethodInfo implementation, GrpcWireOptions options, ILogger logger)
        where TService : class
    {
        var handlerDefinition = shape.Type switch
        {
            MethodType.Unary => typeof(UnaryServerCallHandler<,,>),
            MethodType.ServerStreaming => typeof(ServerStreamingServerCallHandler<,,>),
            MethodType.ClientStreaming => typeof(ClientStreamingServerCallHandler<,,>),
            _ => typeof(DuplexStreamingServerCallHandler<,,>),
        };
        var handlerType = handlerDefinition.MakeGenericType(typeof(TService), shape.RequestType, shape.ResponseType);
        var invoker = implementation.CreateDelegate(shape.InvokerType(typeof(TService)));
        var handler = (ServerCallHandlerBase<TService>)Activator.CreateInstance(
            handlerType, path, shape.RequestParser, invoker, options, logger)!;
        return handler.HandleCallAsync;
    }

    /// <summary>The CLR signature one call shape asks for.</summary>
    private sealed record MethodShape(MethodType Type, Type RequestType, Type ResponseType, MessageParser RequestParser)
    {
        public static MethodShape? Of(MethodDescriptor method)
        {
            var requestType = method.InputType.ClrType;
            var responseType = method.OutputType.ClrType;
            if (requestType is null || responseType is null || method.InputType.Parser is null)
            {
                return null;
            }

            var type = (method.IsClientStreaming, method.IsServerStreaming) switch
            {
                (false, false) => MethodType.Unary,
                (false, true) => MethodType.ServerStreaming,
                (true, false) => MethodType.ClientStreaming,
                (true, true) => MethodType.DuplexStreaming,
            };
            return new MethodShape(type, requestType, responseType, method.InputType.Parser);
        }

        private Type Reader => typeof(IAsyncStreamReader<>).MakeGenericType(RequestType);

        private Type Writer => typeof(IServerStreamWriter<>).MakeGenericType(ResponseType);

        public Type[] ParameterTypes => Type switch
        {
            MethodType.Unary => [RequestType, typeof(ServerCallContext)],
            MethodType.ServerStreaming => [RequestType, Writer, typeof(ServerCallContext)],
            MethodType.ClientStreaming => [Reader, typeof(ServerCallContext)],
            _ => [Reader, Writer, typeof(ServerCallContext)],
        };

        public Type ReturnType => Type is MethodType.Unary or MethodType.ClientStreaming
            ? typeof(Task<>).MakeGenericType(ResponseType)
            : typeof(Task);

        public Type InvokerType(Type serviceType) =>
            System.Linq.Expressions.Expression.GetFuncType([serviceType, .. ParameterTypes, ReturnType]);

        public string Describe(string name) =>
            $"{TypeName(ReturnType)} {name}({string.Join(", ", ParameterTypes.Select(TypeName))})";

        private static string TypeName(Type type) => type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;
    }
}
