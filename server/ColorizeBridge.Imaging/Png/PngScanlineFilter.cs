namespace ColorizeBridge.Imaging.Png;

/// <summary>
/// Applies and reverses the PNG scanline filters in place. <c>previous</c> is
/// the unfiltered scanline above (all zeros for the first row of a pass) and
/// <c>stride</c> the filter's bytes-per-complete-pixel (at least 1).
/// </summary>
internal static class PngScanlineFilter
{
    public static void Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int stride)
    {
        switch ((PngFilterType)filter)
        {
            case PngFilterType.None:
                break;
            case PngFilterType.Sub:
                for (int i = stride; i < row.Length; i++)
                {
                    row[i] += row[i - stride];
                }

                break;
            case PngFilterType.Up:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                break;
            case PngFilterType.Average:
                for (int i = 0; i < stride && i < row.Length; i++)
                {
                    row[i] += (byte)(previous[i] >> 1);
                }

                for (int i = stride; i < row.Length; i++)
                {
                    row[i] += (byte)((row[i - stride] + previous[i]) >> 1);
                }

                break;
            case PngFilterType.Paeth:
                for (int i = 0; i < stride && i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                for (int i = stride; i < row.Length; i++)
                {
                    row[i] += Paeth(row[i - stride], previous[i], previous[i - stride]);
                }

                break;
            default:
                throw new ImageFormatException($"PNG is corrupted: unknown scanline filter type {filter} (0..4 are defined).");
        }
    }

    /// <summary>Writes the filtered form of <paramref name="row"/> into <paramref name="target"/> (same length).</summary>
    public static void Filter(PngFilterType filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int stride, Span<byte> target)
    {
        switch (filter)
        {
            case PngFilterType.None:
                row.CopyTo(target);
                break;
            case PngFilterType.Sub:
                row[..stride].CopyTo(target);
                for (int i = stride; i < row.Length; i++)
                {
                    target[i] = (byte)(row[i] - row[i - stride]);
                }

                break;
            case PngFilterType.Up:
                for (int i = 0; i < row.Length; i++)
                {
                    target[i] = (byte)(row[i] - previous[i]);
                }

                break;
            case PngFilterType.Average:
                for (int i = 0; i < stride; i++)
                {
                    target[i] = (byte)(row[i] - (previous[i] >> 1));
                }

                for (int i = stride; i < row.Length; i++)
                {
                    target[i] = (byte)(row[i] - ((row[i - stride] + previous[i]) >> 1));
                }

                break;
            case PngFilterType.Paeth:
                for (int i = 0; i < stride; i++)
                {
                    target[i] = (byte)(row[i] - previous[i]);
                }

                for (int i = stride; i < row.Length; i++)
                {
                    target[i] = (byte)(row[i] - Paeth(row[i - stride], previous[i], previous[i - stride]));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown PNG filter.");
        }
    }

    /// <summary>The Paeth predictor (PNG spec 9.4): whichever neighbour is nearest to a + b - c.</summary>
    private static byte Paeth(byte left, byte above, byte upperLeft)
    {
        int distanceLeft = Math.Abs(above - upperLeft);
        int distanceAbove = Math.Abs(left - upperLeft);
        int distanceUpperLeft = Math.Abs(left + above - (2 * upperLeft));
        if (distanceLeft <= distanceAbove && distanceLeft <= distanceUpperLeft)
        {
            return left;
        }

        return distanceAbove <= distanceUpperLeft ? above : upperLeft;
    }
}
