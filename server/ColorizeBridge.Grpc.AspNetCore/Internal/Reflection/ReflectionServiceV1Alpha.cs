using Grpc.Reflection.V1Alpha;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.Reflection;

/// <summary><c>grpc.reflection.v1alpha.ServerReflection</c>: answers each request of the stream from the mapped services' descriptors.</summary>
internal sealed class ReflectionServiceV1Alpha(GrpcServiceRegistry registry)
{
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        var index = new ReflectionIndex(registry.Services);
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requests.Current;
            var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
            var answer = request.MessageRequestCase switch
            {
                ServerReflectionRequest.MessageRequestOneofCase.FileByFilename =>
                    index.Answer(ReflectionQuery.FileByFilename, request.FileByFilename),
                ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol =>
                    index.Answer(ReflectionQuery.FileContainingSymbol, request.FileContainingSymbol),
                ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension =>
                    index.Answer(ReflectionQuery.FileContainingExtension, request.FileContainingExtension.ContainingType),
                ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType =>
                    index.Answer(ReflectionQuery.AllExtensionNumbersOfType, request.AllExtensionNumbersOfType),
                ServerReflectionRequest.MessageRequestOneofCase.ListServices =>
                    index.Answer(ReflectionQuery.ListServices, request.ListServices),
                _ => new ReflectionAnswer.Error(StatusCode.InvalidArgument, "The request names no query."),
            };
            switch (answer)
            {
                case ReflectionAnswer.Files files:
                    response.FileDescriptorResponse = new FileDescriptorResponse { FileDescriptorProto = { files.FileDescriptorProtos } };
                    break;
                case ReflectionAnswer.ServiceNames names:
                    response.ListServicesResponse = new ListServiceResponse { Service = { names.Names.Select(n => new ServiceResponse { Name = n }) } };
                    break;
                case ReflectionAnswer.ExtensionNumbers numbers:
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = numbers.BaseTypeName, ExtensionNumber = { numbers.Numbers } };
                    break;
                case ReflectionAnswer.Error error:
                    response.ErrorResponse = new ErrorResponse { ErrorCode = (int)error.Code, ErrorMessage = error.Message };
                    break;
            }

            await responses.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
