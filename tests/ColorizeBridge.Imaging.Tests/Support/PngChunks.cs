using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>Hand-assembles PNG chunks so tests can send what an encoder never would: lying headers, bombs, extra chunks.</summary>
internal static class PngChunks
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Signature, IHDR as given, optional extra chunks, one IDAT and IEND.</summary>
    public static byte[] WithHeader(int width, int height, byte bitDepth, byte colorType, byte[] idat, params (string Type, byte[] Data)[] extra)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        Write(output, "IHDR", header);
        foreach ((string type, byte[] data) in extra)
        {
            Write(output, type, data);
        }

        Write(output, "IDAT", idat);
        Write(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary><paramref name="png"/> with one more chunk right after IHDR (which always ends at byte 33).</summary>
    public static byte[] InsertAfterHeader(byte[] png, string type, byte[] data)
    {
        using var output = new MemoryStream();
        output.Write(png.AsSpan(0, 33));
        Write(output, type, data);
        output.Write(png.AsSpan(33));
        return output.ToArray();
    }

    /// <summary>The colour type byte of IHDR (0 grey, 2 RGB, 6 RGBA, ...).</summary>
    public static byte ColorType(byte[] png) => png[25];

    /// <summary>Whether a chunk of <paramref name="type"/> is present.</summary>
    public static bool Contains(byte[] png, string type) => OffsetOf(png, type) >= 0;

    /// <summary>Where the first chunk of <paramref name="type"/> starts (its length field), or -1.</summary>
    public static int OffsetOf(byte[] png, string type)
    {
        for (int offset = 8; offset + 8 <= png.Length;)
        {
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == type)
            {
                return offset;
            }

            offset += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
        }

        return -1;
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void Write(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        output.Write(crc);
    }
}
