using System.Runtime.InteropServices;
using ColorizeBridge.Imaging.Pixels;
using SkiaSharp;

namespace ColorizeBridge.Imaging.Codecs;

/// <summary>
/// Writes 8-bit PNGs through SkiaSharp: greyscale from a <see cref="GrayImage"/>;
/// RGB from an <see cref="RgbaImage"/> whose alpha is all 255 (a quarter
/// smaller), RGBA otherwise. No colour-space chunk is written, as the pixels
/// were never colour-managed (see <see cref="ImageDecoder"/>).
/// </summary>
public static class ImageEncoder
{
    /// <summary>
    /// The server encodes a result on every call, so speed comes first:
    /// zlib level 1 without row filters (docs/BENCHMARKS.md, "Codecs on
    /// SkiaSharp", has the measurements that chose it).
    /// </summary>
    public static readonly SKPngEncoderOptions DefaultPngOptions = new(SKPngEncoderFilterFlags.None, 1);

    public static byte[] EncodePng(RgbaImage image, SKPngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        SKAlphaType alpha = image.IsOpaque() ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, alpha);
        return Encode(info, image.Pixels, options ?? DefaultPngOptions);
    }

    public static byte[] EncodePng(GrayImage image, SKPngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        return Encode(info, image.Pixels, options ?? DefaultPngOptions);
    }

    private static byte[] Encode(SKImageInfo info, byte[] pixels, SKPngEncoderOptions options)
    {
        // Pinned for the one native call: Skia reads the caller's pixels in place, no copy.
        GCHandle pin = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, pin.AddrOfPinnedObject(), info.RowBytes);
            // Skia's growing native buffer, then one exact managed array: no garbage arrays per doubling.
            using var output = new SKDynamicMemoryWStream();
            if (!pixmap.Encode(output, options))
            {
                throw new InvalidOperationException($"Skia could not encode a {info.Width}x{info.Height} {info.ColorType} image as PNG.");
            }

            byte[] png = new byte[output.BytesWritten];
            output.CopyTo(png);
            return png;
        }
        finally
        {
            pin.Free();
        }
    }
}
