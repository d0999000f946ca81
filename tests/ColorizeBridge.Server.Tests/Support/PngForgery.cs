using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>Hostile PNGs: valid structure around a lying header.</summary>
internal static class PngForgery
{
    /// <summary>A PNG whose IHDR declares <paramref name="width"/> x <paramref name="height"/> RGBA but carries almost no data.</summary>
    public static byte[] DeclaringSize(uint width, uint height)
    {
        var png = new List<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 6;  // RGBA
        AddChunk(png, "IHDR", header);
        AddChunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        AddChunk(png, "IEND", []);
        return [.. png];
    }

    private static void AddChunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.AddRange(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.AddRange(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.AddRange(crc);
    }
}
