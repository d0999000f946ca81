using System.Buffers.Binary;

namespace ColorizeBridge.Imaging.Png;

/// <summary>Writes length, type, data and CRC of one chunk.</summary>
internal static class PngChunkWriter
{
    /// <summary>Bytes a chunk takes beyond its data: length, type and CRC.</summary>
    public const int Overhead = 12;

    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes the chunk at the start of <paramref name="target"/>; returns the bytes written (data length + <see cref="Overhead"/>).</summary>
    public static int Write(Span<byte> target, uint type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(target, data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(target[4..], type);
        data.CopyTo(target[8..]);
        uint crc = Crc32.Append(0xFFFFFFFFu, target.Slice(4, 4 + data.Length)) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(target[(8 + data.Length)..], crc);
        return data.Length + Overhead;
    }

    public static void Write(Stream output, uint type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], type);
        uint crc = Crc32.Append(0xFFFFFFFFu, header[4..]);
        crc = Crc32.Append(crc, data) ^ 0xFFFFFFFFu;
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, crc);
        output.Write(header);
        output.Write(data);
        output.Write(trailer);
    }
}
