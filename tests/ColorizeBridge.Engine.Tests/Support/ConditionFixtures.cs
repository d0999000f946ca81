using ColorizeBridge.Api.V1;
using ColorizeBridge.Imaging.Codecs;
using ColorizeBridge.Imaging.Pixels;
using Google.Protobuf;

namespace ColorizeBridge.Engine.Tests.Support;

/// <summary>The hint fields and images the condition tests send.</summary>
internal static class ConditionFixtures
{
    public static PaletteEntry Entry(uint r, uint g, uint b, float weight = 0) => new() { Color = new Color { R = r, G = g, B = b }, Weight = weight };

    public static Stroke Dot() => new() { Points = { new Point { X = 5, Y = 5 } }, Color = new Color { R = 1, G = 2, B = 3 }, Width = 4 };

    public static Image Png(RgbaImage image) => new() { Png = ByteString.CopyFrom(ImageEncoder.EncodePng(image)) };

    public static RgbaImage Solid(int width, int height, byte r, byte g, byte b, byte a = 255)
    {
        var image = new RgbaImage(width, height);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = (r, g, b, a);
        }

        return image;
    }
}
