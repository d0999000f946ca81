using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>Line art drawn in memory: paper, anti-aliased strokes, rectangles, and gaps cut into them.</summary>
internal static class Drawing
{
    public static RgbaImage Paper(int width, int height, byte grey = 255) => TestImages.Solid(width, height, grey, grey, grey);

    /// <summary>
    /// A straight stroke of <paramref name="width"/> pixels, anti-aliased: each
    /// pixel is covered by how far its centre lies inside the stroke (0 to 1).
    /// </summary>
    public static void Stroke(RgbaImage image, double x0, double y0, double x1, double y1, double width, byte r, byte g, byte b)
    {
        double half = width / 2;
        double dx = x1 - x0, dy = y1 - y0, length = Math.Max(1e-9, Math.Sqrt((dx * dx) + (dy * dy)));
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                double t = Math.Clamp((((x - x0) * dx) + ((y - y0) * dy)) / (length * length), 0, 1);
                double px = x0 + (t * dx) - x, py = y0 + (t * dy) - y;
                double coverage = Math.Clamp(half + 0.5 - Math.Sqrt((px * px) + (py * py)), 0, 1);
                if (coverage > 0)
                {
                    int o = ((y * image.Width) + x) * 4;
                    image.Pixels[o] = Mix(image.Pixels[o], r, coverage);
                    image.Pixels[o + 1] = Mix(image.Pixels[o + 1], g, coverage);
                    image.Pixels[o + 2] = Mix(image.Pixels[o + 2], b, coverage);
                }
            }
        }
    }

    /// <summary>The outline of the rectangle from (left, top) to (right, bottom), pixel-exact, <paramref name="thickness"/> pixels wide inwards.</summary>
    public static void Rectangle(RgbaImage image, int left, int top, int right, int bottom, int thickness = 2, byte grey = 0)
    {
        for (int y = top; y <= bottom; y++)
        {
            for (int x = left; x <= right; x++)
            {
                bool edge = x < left + thickness || x > right - thickness || y < top + thickness || y > bottom - thickness;
                if (edge)
                {
                    Set(image, x, y, grey, grey, grey);
                }
            }
        }
    }

    /// <summary>Fills the rectangle (inclusive) with one colour: cuts a gap in lines when it is the paper's.</summary>
    public static void Fill(RgbaImage image, int left, int top, int right, int bottom, byte r, byte g, byte b, byte a = 255)
    {
        for (int y = top; y <= bottom; y++)
        {
            for (int x = left; x <= right; x++)
            {
                Set(image, x, y, r, g, b, a);
            }
        }
    }

    public static void Set(RgbaImage image, int x, int y, byte r, byte g, byte b, byte a = 255)
    {
        int o = ((y * image.Width) + x) * 4;
        image.Pixels[o] = r;
        image.Pixels[o + 1] = g;
        image.Pixels[o + 2] = b;
        image.Pixels[o + 3] = a;
    }

    private static byte Mix(byte under, byte ink, double coverage) => (byte)Math.Round((under * (1 - coverage)) + (ink * coverage));
}
