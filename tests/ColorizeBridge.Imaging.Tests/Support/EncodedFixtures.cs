using System.Buffers.Binary;
using ColorizeBridge.Imaging.Pixels;
using SkiaSharp;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>
/// JPEG, WebP, GIF and BMP inputs made in the test: SkiaSharp's own encoders
/// for JPEG and WebP, and the smallest valid files by hand for the formats
/// the server refuses.
/// </summary>
internal static class EncodedFixtures
{
    /// <summary>A 1x1 GIF89a (header, screen descriptor, image, trailer).</summary>
    public static readonly byte[] Gif =
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B,
    ];

    /// <summary>A 1x1 24-bit BMP (file header, BITMAPINFOHEADER, one padded row).</summary>
    public static readonly byte[] Bmp =
    [
        .. "BM"u8, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,
        40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0, 4, 0, 0, 0,
        0x13, 0x0B, 0, 0, 0x13, 0x0B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 255, 0,
    ];

    public static byte[] Jpeg(RgbaImage image, int quality = 95) =>
        Encode(image, SKAlphaType.Opaque, pixmap => pixmap.Encode(new SKJpegEncoderOptions(quality)));

    public static byte[] LosslessWebp(RgbaImage image) =>
        Encode(image, SKAlphaType.Unpremul, pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100)));

    /// <summary><paramref name="jpeg"/> with an EXIF APP1 segment saying orientation <paramref name="orientation"/> (1..8).</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        // Exif header, big-endian TIFF header, one IFD with one SHORT entry (tag 0x0112), no next IFD.
        byte[] tiff = [.. "MM"u8, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), orientation);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private static byte[] Encode(RgbaImage image, SKAlphaType alpha, Func<SKPixmap, SKData?> encode)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, alpha);
        using var bitmap = new SKBitmap(info);
        image.Pixels.CopyTo(bitmap.GetPixelSpan());
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = encode(pixmap) ?? throw new InvalidOperationException("SkiaSharp could not encode the fixture");
        return data.ToArray();
    }
}
