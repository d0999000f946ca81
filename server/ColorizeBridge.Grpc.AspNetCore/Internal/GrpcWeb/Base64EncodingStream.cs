namespace ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;

/// <summary>
/// Writes a grpc-web-text response body: bytes become base64. Each flush
/// sends what it has, padded, so streamed messages reach the browser at once;
/// PROTOCOL-WEB.md lets readers take concatenated padded chunks.
/// </summary>
internal sealed class Base64EncodingStream(Stream inner) : Stream
{
    private readonly byte[] _pending = new byte[2];
    private int _pendingCount;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var combined = new byte[_pendingCount + buffer.Length];
        _pending.AsSpan(0, _pendingCount).CopyTo(combined);
        buffer.Span.CopyTo(combined.AsSpan(_pendingCount));
        var whole = combined.Length - (combined.Length % 3);
        _pendingCount = combined.Length - whole;
        combined.AsSpan(whole).CopyTo(_pending);
        if (whole > 0)
        {
            await inner.WriteAsync(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(combined, 0, whole)), cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingCount > 0)
        {
            var tail = Convert.ToBase64String(_pending, 0, _pendingCount);
            _pendingCount = 0;
            await inner.WriteAsync(System.Text.Encoding.ASCII.GetBytes(tail), cancellationToken).ConfigureAwait(false);
        }

        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
