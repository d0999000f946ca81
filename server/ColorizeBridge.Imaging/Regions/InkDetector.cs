using ColorizeBridge.Imaging.LineArt;

namespace ColorizeBridge.Imaging.Regions;

/// <summary>
/// Finds the ink of line art against its local paper: lightness (255 minus
/// the line layer's alpha, so coloured lines count by their darkest channel)
/// below (1 - contrast) times the mean lightness of a square window around
/// the pixel, or below half, is ink. Linear time: the window mean is a
/// running box sum, one pass along rows and one down columns.
/// </summary>
internal static class InkDetector
{
    /// <summary>Darker than this is ink whatever surrounds it (inside a large solid black area the local mean is black too).</summary>
    private const int AlwaysInkBelow = 128;

    /// <returns>One byte per pixel, 1 for ink.</returns>
    public static byte[] Detect(LineArtLayer lineArt, RegionOptions options)
    {
        int width = lineArt.Width, height = lineArt.Height, radius = options.PaperWindowRadius;
        byte[] lightness = Lightness(lineArt);
        int[] rowSums = HorizontalBoxSums(lightness, width, height, radius);

        var ink = new byte[lightness.Length];
        var columnSums = new long[width];
        int top = 0, bottom = Math.Min(radius, height - 1);
        for (int y = 0; y <= bottom; y++)
        {
            AddRow(columnSums, rowSums, y * width, 1);
        }

        double keep = 1.0 - options.InkContrast;
        for (int y = 0; y < height; y++)
        {
            int wantedTop = Math.Max(0, y - radius), wantedBottom = Math.Min(height - 1, y + radius);
            while (bottom < wantedBottom)
            {
                AddRow(columnSums, rowSums, ++bottom * width, 1);
            }

            while (top < wantedTop)
            {
                AddRow(columnSums, rowSums, top++ * width, -1);
            }

            int rows = bottom - top + 1;
            int offset = y * width;
            for (int x = 0; x < width; x++)
            {
                int columns = Math.Min(width - 1, x + radius) - Math.Max(0, x - radius) + 1;
                int value = lightness[offset + x];

                // value < keep * sum / count, without the division.
                bool dark = value < AlwaysInkBelow || value * (double)(rows * columns) < keep * columnSums[x];
                ink[offset + x] = dark ? (byte)1 : (byte)0;
            }
        }

        return ink;
    }

    private static byte[] Lightness(LineArtLayer lineArt)
    {
        ReadOnlySpan<byte> layer = lineArt.Layer.Pixels;
        var lightness = new byte[lineArt.Width * lineArt.Height];
        for (int i = 0, p = 3; i < lightness.Length; i++, p += 4)
        {
            lightness[i] = (byte)(255 - layer[p]);
        }

        return lightness;
    }

    private static int[] HorizontalBoxSums(byte[] values, int width, int height, int radius)
    {
        var sums = new int[values.Length];
        for (int y = 0; y < height; y++)
        {
            int offset = y * width;
            int sum = 0;
            for (int x = 0; x <= Math.Min(radius, width - 1); x++)
            {
                sum += values[offset + x];
            }

            for (int x = 0; x < width; x++)
            {
                sums[offset + x] = sum;
                int entering = x + radius + 1, leaving = x - radius;
                if (entering < width)
                {
                    sum += values[offset + entering];
                }

                if (leaving >= 0)
                {
                    sum -= values[offset + leaving];
                }
            }
        }

        return sums;
    }

    private static void AddRow(long[] columnSums, int[] rowSums, int offset, int sign)
    {
        for (int x = 0; x < columnSums.Length; x++)
        {
            columnSums[x] += sign * rowSums[offset + x];
        }
    }
}
