using Grpc.Core;

namespace ColorizeBridge.Cli.Output;

/// <summary>How a failed call reads on stderr: the status code's spec name, then the server's detail.</summary>
internal static class ErrorText
{
    public static string Of(RpcException exception) =>
        string.IsNullOrEmpty(exception.Status.Detail)
            ? ConstantNames.Of(exception.StatusCode)
            : $"{ConstantNames.Of(exception.StatusCode)}: {exception.Status.Detail}";
}
