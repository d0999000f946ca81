using System.Buffers;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>
/// Clean black-on-white line art from a scanned or photographed pencil
/// drawing: an adaptive threshold against the local mean (Bradley and Roth
/// 2007, so uneven lighting does not matter), then
/// removal of 8-connected specks smaller than a minimum size.
/// </summary>
public static class ScanLineCleaner
{
    private const byte Ink = 0;
    private const byte Paper = 255;

    /// <summary>Grey below a quarter is ink whatever its surroundings: inside a large filled area the local mean is dark too.</summary>
    private const int AlwaysInk = 64;

    public static GrayImage Clean(RgbaImage image, ScanCleanupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= ScanCleanupOptions.Default;
        options.Validate();
        GrayImage output = Threshold(image, options);
        if (options.MinSpeckPixels > 1)
        {
            RemoveSpecks(output, options.MinSpeckPixels);
        }

        return output;
    }

    /// <summary>
    /// Compares each pixel with the mean of its window. The window sums come
    /// from running column sums updated one row at a time, so memory beyond the
    /// output is one grey copy and one row of sums, whatever the image size.
    /// </summary>
    private static GrayImage Threshold(RgbaImage image, ScanCleanupOptions options)
    {
        int width = image.Width, height = image.Height, r = options.WindowRadius;
        GrayImage grey = LuminancePlane.GreyOf(image);
        var output = new GrayImage(width, height);
        long[] columnSums = ArrayPool<long>.Shared.Rent(width);
        try
        {
            Span<long> columns = columnSums.AsSpan(0, width);
            columns.Clear();
            for (int y = 0; y < Math.Min(r, height); y++)
            {
                AddRow(grey.GetRow(y), columns, +1);
            }

            double keep = 1 - options.Threshold;
            for (int y = 0; y < height; y++)
            {
                if (y + r < height)
                {
                    AddRow(grey.GetRow(y + r), columns, +1);
                }

                if (y - r - 1 >= 0)
                {
                    AddRow(grey.GetRow(y - r - 1), columns, -1);
                }

                int rows = Math.Min(height, y + r + 1) - Math.Max(0, y - r);
                ReadOnlySpan<byte> source = grey.GetRow(y);
                Span<byte> target = output.GetRow(y);
                long windowSum = 0;
                for (int x = 0; x < Math.Min(r, width); x++)
                {
                    windowSum += columns[x];
                }

                for (int x = 0; x < width; x++)
                {
                    if (x + r < width)
                    {
                        windowSum += columns[x + r];
                    }

                    if (x - r - 1 >= 0)
                    {
                        windowSum -= columns[x - r - 1];
                    }

                    int count = rows * (Math.Min(width, x + r + 1) - Math.Max(0, x - r));
                    int value = source[x];
                    target[x] = value < AlwaysInk || value * (long)count < windowSum * keep ? Ink : Paper;
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(columnSums);
        }

        return output;
    }

    private static void AddRow(ReadOnlySpan<byte> row, Span<long> columns, int sign)
    {
        for (int x = 0; x < row.Length; x++)
        {
            columns[x] += sign * row[x];
        }
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
