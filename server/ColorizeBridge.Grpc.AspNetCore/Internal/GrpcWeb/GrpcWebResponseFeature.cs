using System.IO.Pipelines;
using ColorizeBridge.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;

/// <summary>
/// The response body and trailers of a gRPC-Web call. HTTP/1.1 has no
/// trailers a browser can read, so they travel as a last length-prefixed
/// frame with flag 0x80 (PROTOCOL-WEB.md); grpc-web-text encodes the body
/// as base64.
/// </summary>
internal sealed class GrpcWebResponseFeature : IHttpResponseBodyFeature, IHttpResponseTrailersFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly Base64EncodingStream? _textStream;
    private readonly PipeWriter? _textWriter;
    private bool _completed;

    public GrpcWebResponseFeature(IHttpResponseBodyFeature inner, bool isText)
    {
        _inner = inner;
        if (isText)
        {
            _textStream = new Base64EncodingStream(inner.Stream);
            _textWriter = PipeWriter.Create(_textStream, new StreamPipeWriterOptions(leaveOpen: true));
        }
    }

    public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();

    public Stream Stream => _textStream ?? _inner.Stream;

    public PipeWriter Writer => _textWriter ?? _inner.Writer;

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    /// <summary>Writes the trailers frame (unless the status went out in the headers) and ends the body; safe to call twice.</summary>
    public async Task CompleteAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (Trailers.Count > 0)
        {
            var fields = Trailers.SelectMany(t => t.Value.Select(v => new KeyValuePair<string, string>(t.Key, v ?? string.Empty)));
            LengthPrefixedMessageWriter.WriteFrame(Writer, GrpcWebTrailersFrame.Flag, GrpcWebTrailersFrame.Encode(fields));
        }

        await Writer.FlushAsync().ConfigureAwait(false);
        if (_textWriter is not null)
        {
            await _textWriter.CompleteAsync().ConfigureAwait(false);
        }

        await _inner.CompleteAsync().ConfigureAwait(false);
    }
}
