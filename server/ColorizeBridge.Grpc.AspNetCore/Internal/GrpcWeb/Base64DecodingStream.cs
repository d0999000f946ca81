using System.Buffers;
using System.Buffers.Text;

namespace ColorizeBridge.Grpc.AspNetCore.Internal.GrpcWeb;

/// <summary>
/// Reads a grpc-web-text request body as bytes. Senders may concatenate
/// separately padded base64 chunks (PROTOCOL-WEB.md), so every 4-character
/// group is decoded on its own terms.
/// </summary>
internal sealed class Base64DecodingStream(Stream inner) : Stream
{
    private readonly byte[] _encoded = new byte[16384];
    private int _encodedCount;
    private byte[] _decoded = [];
    private int _decodedOffset;
    private int _decodedCount;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_decodedCount == 0)
        {
            var read = await inner.ReadAsync(_encoded.AsMemory(_encodedCount), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _encodedCount == 0 ? 0 : throw new InvalidDataException("grpc-web-text body ends inside a base64 group.");
            }

            _encodedCount += read;
            DecodeWholeGroups();
        }

        var count = Math.Min(buffer.Length, _decodedCount);
        _decoded.AsSpan(_decodedOffset, count).CopyTo(buffer.Span);
        _decodedOffset += count;
        _decodedCount -= count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void DecodeWholeGroups()
    {
        var whole = _encodedCount - (_encodedCount % 4);
        _decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(whole)];
        _decodedOffset = 0;
        _decodedCount = 0;
        var consumed = 0;
        while (consumed < whole)
        {
            // A group with padding ends one chunk: decode up to it as a final block, then carry on.
            var source = _encoded.AsSpan(consumed, whole - consumed);
            var padding = source.IndexOf((byte)'=');
            var chunkLength = padding < 0 ? source.Length : ((padding / 4) + 1) * 4;
            var status = Base64.DecodeFromUtf8(source[..chunkLength], _decoded.AsSpan(_decodedCount), out var used, out var written, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                throw new InvalidDataException("grpc-web-text body is not valid base64.");
            }

            consumed += used;
            _decodedCount += written;
        }

        _encoded.AsSpan(whole, _encodedCount - whole).CopyTo(_encoded);
        _encodedCount -= whole;
    }
}
