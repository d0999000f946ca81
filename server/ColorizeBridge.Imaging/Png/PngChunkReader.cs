using System.Buffers.Binary;

namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// Walks the chunks of a PNG held in memory, checking the signature, each
/// chunk's bounds and its CRC, so a truncated or corrupted file fails with a
/// message naming the chunk.
/// </summary>
internal ref struct PngChunkReader
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ReadOnlySpan<byte> _png;
    private int _offset;

    public PngChunkReader(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new ImageFormatException(png.Length < Signature.Length
                ? $"Not a PNG: {png.Length} bytes is shorter than the 8-byte PNG signature."
                : "Not a PNG: the file does not start with the PNG signature.");
        }

        _png = png;
        _offset = Signature.Length;
    }

    /// <summary>Offset of the next chunk; lets the decoder find IDAT payloads again later.</summary>
    public readonly int Offset => _offset;

    public readonly bool AtEnd => _offset >= _png.Length;

    /// <summary>Reads the next chunk, or returns false when the file ends exactly at a chunk boundary.</summary>
    /// <exception cref="ImageFormatException">The chunk is cut off or its CRC does not match.</exception>
    public bool TryReadNext(out uint type, out ReadOnlySpan<byte> data)
    {
        int remaining = _png.Length - _offset;
        if (remaining == 0)
        {
            type = 0;
            data = default;
            return false;
        }

        if (remaining < 12)
        {
            throw new ImageFormatException(
                $"PNG is truncated: {remaining} byte(s) at offset {_offset} cannot hold a chunk (12 bytes at least).");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(_png[_offset..]);
        type = BinaryPrimitives.ReadUInt32BigEndian(_png[(_offset + 4)..]);
        if (length > int.MaxValue || length > remaining - 12)
        {
            throw new ImageFormatException(
                $"PNG is truncated: chunk {PngChunkType.Name(type)} at offset {_offset} declares {length} bytes of data but only {Math.Max(0, remaining - 12)} remain.");
        }

        ReadOnlySpan<byte> typeAndData = _png.Slice(_offset + 4, 4 + (int)length);
        uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(_png[(_offset + 8 + (int)length)..]);
        uint actualCrc = Crc32.Compute(typeAndData);
        if (storedCrc != actualCrc)
        {
            throw new ImageFormatException(
                $"PNG is corrupted: CRC of chunk {PngChunkType.Name(type)} at offset {_offset} is 0x{storedCrc:X8} but its contents give 0x{actualCrc:X8}.");
        }

        data = typeAndData[4..];
        _offset += 12 + (int)length;
        return true;
    }
}
