using System.Buffers;

namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// A write-only stream over arrays rented from <see cref="ArrayPool{T}"/>: it
/// grows by renting a twice larger array and returns the old one, and gives
/// its last array back on dispose. Holds deflate output and concatenated IDAT
/// data for the length of one encode or decode, where a MemoryStream or
/// ArrayBufferWriter would leave a garbage array (and one per doubling) behind.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer;
    private int _length;

    public PooledBufferStream(int initialCapacity = 64 * 1024, ArrayPool<byte>? pool = null)
    {
        _pool = pool ?? ArrayPool<byte>.Shared;
        _buffer = _pool.Rent(Math.Max(initialCapacity, 256));
    }

    /// <summary>The bytes written so far; valid until the next write or dispose.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>A read-only stream over the bytes written so far (no copy); valid until the next write or dispose.</summary>
    public MemoryStream OpenReader() => new(_buffer, 0, _length, writable: false);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (buffer.Length > _buffer.Length - _length)
        {
            Grow(checked(_length + buffer.Length));
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            _pool.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        int capacity = (int)Math.Min(Math.Max((long)_buffer.Length * 2, needed), Array.MaxLength);
        if (capacity < needed)
        {
            throw new InvalidOperationException($"{needed} bytes do not fit in one buffer.");
        }

        byte[] larger = _pool.Rent(capacity);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        _pool.Return(_buffer);
        _buffer = larger;
    }
}
