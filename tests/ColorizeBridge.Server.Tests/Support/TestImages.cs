using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using Google.Protobuf;

namespace ColorizeBridge.Server.Tests.Support;

/// <summary>Line art and hint layers drawn in code, so every test says what it sends.</summary>
internal static class TestImages
{
    /// <summary>Black outlines (a frame and a cross) on white paper.</summary>
    public static RgbaImage LineArt(int width, int height)
    {
        var image = new RgbaImage(width, height);
        image.Pixels.AsSpan().Fill(255);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool frame = x < 3 || y < 3 || x >= width - 3 || y >= height - 3;
                bool cross = Math.Abs(x - (width / 2)) < 2 || Math.Abs(y - (height / 2)) < 2;
                if (frame || cross)
                {
                    image.Pixels.AsSpan(((y * width) + x) * 4, 3).Clear();
                }
            }
        }

        return image;
    }

    /// <summary>A transparent layer with one square dot of <paramref name="rgb"/> at (x, y).</summary>
    public static RgbaImage HintDot(int width, int height, int x, int y, (byte R, byte G, byte B) rgb, int size = 6)
    {
        var image = new RgbaImage(width, height);
        for (int dy = 0; dy < size; dy++)
        {
            for (int dx = 0; dx < size; dx++)
            {
                int offset = (((y + dy) * width) + x + dx) * 4;
                image.Pixels[offset] = rgb.R;
                image.Pixels[offset + 1] = rgb.G;
                image.Pixels[offset + 2] = rgb.B;
                image.Pixels[offset + 3] = 255;
            }
        }

        return image;
    }

    public static ByteString Png(RgbaImage image) => ByteString.CopyFrom(ImageEncoder.EncodePng(image));
}
