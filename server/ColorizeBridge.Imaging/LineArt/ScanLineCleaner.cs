using System.Buffers;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>
/// Clean black-on-white line art from a scanned or photographed pencil
/// drawing: an adaptive threshold against the local mean (Bradley and Roth
/// 2007, via an integral image, so uneven lighting does not matter), then
/// removal of 8-connected specks smaller than a minimum size.
/// </summary>
public static class ScanLineCleaner
{
    private const byte Ink = 0;
    private const byte Paper = 255;

    /// <summary>Grey below this is ink whatever its surroundings: inside a large filled area the local mean is dark too.</summary>
    private const float AlwaysInk = 0.25f;

    public static GrayImage Clean(RgbaImage image, ScanCleanupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= ScanCleanupOptions.Default;
        options.Validate();
        GrayImage output = Threshold(LuminancePlane.Of(image), options);
        if (options.MinSpeckPixels > 1)
        {
            RemoveSpecks(output, options.MinSpeckPixels);
        }

        return output;
    }

    private static GrayImage Threshold(FloatPlane luminance, ScanCleanupOptions options)
    {
        int width = luminance.Width, height = luminance.Height, stride = width + 1;
        double[] integral = ArrayPool<double>.Shared.Rent(stride * (height + 1));
        var output = new GrayImage(width, height);
        try
        {
            Array.Clear(integral, 0, stride);
            for (int y = 0; y < height; y++)
            {
                double rowSum = 0;
                integral[(y + 1) * stride] = 0;
                for (int x = 0; x < width; x++)
                {
                    rowSum += luminance.Values[(y * width) + x];
                    integral[((y + 1) * stride) + x + 1] = integral[(y * stride) + x + 1] + rowSum;
                }
            }

            int r = options.WindowRadius;
            double keep = 1 - options.Threshold;
            for (int y = 0; y < height; y++)
            {
                int top = Math.Max(0, y - r), bottom = Math.Min(height, y + r + 1);
                for (int x = 0; x < width; x++)
                {
                    int left = Math.Max(0, x - r), right = Math.Min(width, x + r + 1);
                    double sum = integral[(bottom * stride) + right] - integral[(top * stride) + right]
                        - integral[(bottom * stride) + left] + integral[(top * stride) + left];
                    int count = (bottom - top) * (right - left);
                    float grey = luminance.Values[(y * width) + x];
                    output.Pixels[(y * width) + x] = grey < AlwaysInk || grey * count < sum * keep ? Ink : Paper;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(integral);
        }

        return output;
    }

    /// <summary>Flood-fills each ink component once; components below the size become paper.</summary>
    private static void RemoveSpecks(GrayImage image, int minPixels)
    {
        int width = image.Width, height = image.Height;
        Span<byte> pixels = image.Pixels;
        int[] component = ArrayPool<int>.Shared.Rent(width * height);
        bool[] visited = ArrayPool<bool>.Shared.Rent(width * height);
        try
        {
            Array.Clear(visited, 0, width * height);
            for (int start = 0; start < width * height; start++)
            {
                if (pixels[start] != Ink || visited[start])
                {
                    continue;
                }

                // component[0..count) holds the pixels found; those past 'next' are still to expand.
                int count = 0, next = 0;
                component[count++] = start;
                visited[start] = true;
                while (next < count)
                {
                    int index = component[next++];
                    int x = index % width, y = index / width;
                    for (int ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                    {
                        for (int nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                        {
                            int neighbour = (ny * width) + nx;
                            if (pixels[neighbour] == Ink && !visited[neighbour])
                            {
                                visited[neighbour] = true;
                                component[count++] = neighbour;
                            }
                        }
                    }
                }

                if (count < minPixels)
                {
                    for (int i = 0; i < count; i++)
                    {
                        pixels[component[i]] = Paper;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(component);
            ArrayPool<bool>.Shared.Return(visited);
        }
    }
}
