using ColorizeBridge.Api.V1;
using Grpc.Core;

namespace ColorizeBridge.Cli.Commands;

/// <summary>Images the server sends back, checked to be what the CLI asked for (PNG).</summary>
internal static class ResultImages
{
    /// <summary>The PNG bytes of <paramref name="image"/>, the response field <paramref name="field"/>.</summary>
    public static ReadOnlySpan<byte> PngBytes(Image? image, string field) =>
        image is { DataCase: Image.DataOneofCase.Png } && !image.Png.IsEmpty
            ? image.Png.Span
            : throw new RpcException(new Status(StatusCode.Internal, $"the response's {field} holds no PNG although the CLI asked for PNG"));
}
