using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>Deterministic images generated in memory for property tests.</summary>
internal static class TestImages
{
    public static RgbaImage Noise(int width, int height, int seed, bool opaque = false)
    {
        var random = new Random(seed);
        var image = new RgbaImage(width, height);
        random.NextBytes(image.Pixels);
        if (opaque)
        {
            for (int i = 3; i < image.Pixels.Length; i += 4)
            {
                image.Pixels[i] = 255;
            }
        }

        return image;
    }

    public static RgbaImage Solid(int width, int height, byte r, byte g, byte b, byte a = 255)
    {
        var image = new RgbaImage(width, height);
        for (int i = 0; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = r;
            image.Pixels[i + 1] = g;
            image.Pixels[i + 2] = b;
            image.Pixels[i + 3] = a;
        }

        return image;
    }

    /// <summary>White paper with dark anti-aliased circles and lines: a stand-in for line art.</summary>
    public static RgbaImage LineArt(int width, int height, int seed, byte inkR = 0, byte inkG = 0, byte inkB = 0)
    {
        var random = new Random(seed);
        RgbaImage image = Solid(width, height, 255, 255, 255);
        for (int shape = 0; shape < 6; shape++)
        {
            double cx = random.NextDouble() * width, cy = random.NextDouble() * height;
            double radius = (0.1 + (random.NextDouble() * 0.3)) * Math.Min(width, height);
            double thickness = 1 + (random.NextDouble() * 2);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double distance = Math.Abs(Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) - radius);
                    double coverage = Math.Clamp(thickness - distance, 0, 1);
                    if (coverage > 0)
                    {
                        int o = ((y * width) + x) * 4;
                        image.Pixels[o] = Blend(image.Pixels[o], inkR, coverage);
                        image.Pixels[o + 1] = Blend(image.Pixels[o + 1], inkG, coverage);
                        image.Pixels[o + 2] = Blend(image.Pixels[o + 2], inkB, coverage);
                    }
                }
            }
        }

        return image;
    }

    public static GrayImage GrayNoise(int width, int height, int seed)
    {
        var image = new GrayImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    private static byte Blend(byte paper, byte ink, double coverage) =>
        (byte)Math.Round(Math.Min(paper, (ink * coverage) + (paper * (1 - coverage))));
}
