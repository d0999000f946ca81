using System.Net;
using System.Net.Http.Headers;

namespace ColorizeBridge.Grpc.Internal.Client;

/// <summary>
/// A request body that stays open while the call runs, so request messages
/// are written as the caller produces them, at the same time as responses
/// arrive (HTTP/2 full duplex).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent(string contentType)
    {
        Headers.ContentType = new MediaTypeHeaderValue(contentType);
    }

    /// <summary>The request body stream, once HttpClient has sent the headers.</summary>
    public Task<Stream> GetStreamAsync() => _stream.Task;

    /// <summary>Ends the body: the server sees the end of its request stream.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Gives up on the body; a writer waiting for the stream fails.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
