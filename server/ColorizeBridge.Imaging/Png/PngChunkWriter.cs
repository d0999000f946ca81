using System.Buffers.Binary;

namespace ColorizeBridge.Imaging.Png;

/// <summary>Writes length, type, data and CRC of one chunk.</summary>
internal static class PngChunkWriter
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

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
