using System.Net;

namespace ColorizeBridge.Grpc.Tests.Infrastructure;

/// <summary>A request body sent a few bytes at a time, each piece flushed into its own HTTP/2 DATA frame.</summary>
public sealed class DribblingContent(byte[] body, int chunkSize) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
