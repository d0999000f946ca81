using System.Buffers.Binary;

namespace ColorizeBridge.Imaging.Png;

/// <summary>Chunk type codes as the big-endian integers they are on disk.</summary>
internal static class PngChunkType
{
    public const uint Ihdr = 0x49484452;
    public const uint Plte = 0x504C5445;
    public const uint Idat = 0x49444154;
    public const uint Iend = 0x49454E44;
    public const uint Trns = 0x74524E53;

    /// <summary>Bit 5 of the first byte clear = critical: a decoder must understand it (PNG spec 5.4).</summary>
    public static bool IsCritical(uint type) => (type & 0x20000000) == 0;

    public static string Name(uint type)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, type);
        var chars = new char[4];
        for (int i = 0; i < 4; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }
}
