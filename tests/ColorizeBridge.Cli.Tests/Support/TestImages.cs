using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using SkiaSharp;

namespace ColorizeBridge.Cli.Tests.Support;

/// <summary>Line art and hint layers drawn in code and saved as PNG (or JPEG) files.</summary>
internal static class TestImages
{
    /// <summary>The line art of <see cref="WriteLineArt"/> as a JPEG (SkiaSharp's encoder), saved to <paramref name="path"/>.</summary>
    public static string WriteLineArtJpeg(string path, int width, int height)
    {
        RgbaImage image = ImageDecoder.Decode(File.ReadAllBytes(WriteLineArt(path, width, height)));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        image.Pixels.CopyTo(bitmap.GetPixelSpan());
        using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90) ?? throw new InvalidOperationException("SkiaSharp could not encode the JPEG");
        File.WriteAllBytes(path, jpeg.ToArray());
        return path;
    }

    /// <summary>Black outlines (a frame and a cross) on white paper, saved to <paramref name="path"/>.</summary>
    public static string WriteLineArt(string path, int width, int height)
    {
        var image = new RgbaImage(width, height);
        image.Pixels.AsSpan().Fill(255);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool frame = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
                bool cross = x == width / 2 || y == height / 2;
                if (frame || cross)
                {
                    image.Pixels.AsSpan(((y * width) + x) * 4, 3).Clear();
                }
            }
        }

        File.WriteAllBytes(path, ImageEncoder.EncodePng(image));
        return path;
    }

    /// <summary>A transparent layer with one red square in the top-left cell, saved to <paramref name="path"/>.</summary>
    public static string WriteHints(string path, int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (int y = 5; y < 13; y++)
        {
            for (int x = 5; x < 13; x++)
            {
                image.Pixels.AsSpan(((y * width) + x) * 4, 4).SetValues(255, 0, 0, 255);
            }
        }

        File.WriteAllBytes(path, ImageEncoder.EncodePng(image));
        return path;
    }

    /// <summary>One opaque colour all over (e.g. a reference image), saved to <paramref name="path"/>.</summary>
    public static string WriteSolid(string path, int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbaImage(width, height);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            image.Pixels.AsSpan(i, 4).SetValues(r, g, b, 255);
        }

        File.WriteAllBytes(path, ImageEncoder.EncodePng(image));
        return path;
    }

    /// <summary>The colour at (x, y) of the PNG at <paramref name="path"/>.</summary>
    public static (int R, int G, int B) PixelAt(string path, int x, int y)
    {
        RgbaImage image = Read(path);
        int i = ((y * image.Width) + x) * 4;
        return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
    }

    public static RgbaImage Read(string path) => ImageDecoder.Decode(File.ReadAllBytes(path));

    private static void SetValues(this Span<byte> pixel, byte r, byte g, byte b, byte a)
    {
        pixel[0] = r;
        pixel[1] = g;
        pixel[2] = b;
        pixel[3] = a;
    }
}
