using System.Buffers;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Geometry;

/// <summary>
/// Resizes float planes and RGBA images: area-average when shrinking,
/// bilinear when enlarging, per axis. Works row by row (vertical taps into one
/// pooled row, then horizontal taps), so memory beyond the output is one row.
/// RGBA is resampled premultiplied so transparent pixels do not bleed colour.
/// </summary>
public static class Resampler
{
    public static FloatPlane Resize(FloatPlane source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = new FloatPlane(width, height);
        ResizeRegion(source.Values, source.Width, source.Width, source.Height, target.Values, width, height);
        return target;
    }

    public static RgbaImage Resize(RgbaImage source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = new RgbaImage(width, height);
        ResampleWeights vertical = ResampleWeights.Create(source.Height, height);
        ResampleWeights horizontal = ResampleWeights.Create(source.Width, width);
        float[] column = ArrayPool<float>.Shared.Rent(source.Width * 4);
        float[] row = ArrayPool<float>.Shared.Rent(width * 4);
        try
        {
            for (int y = 0; y < height; y++)
            {
                Span<float> accumulated = column.AsSpan(0, source.Width * 4);
                accumulated.Clear();
                for (int tap = 0; tap < vertical.Taps; tap++)
                {
                    float weight = vertical.Weights[(y * vertical.Taps) + tap];
                    if (weight != 0)
                    {
                        AccumulatePremultiplied(source.GetRow(vertical.Indices[(y * vertical.Taps) + tap]), weight, accumulated);
                    }
                }

                Span<float> resampled = row.AsSpan(0, width * 4);
                HorizontalPass(accumulated, 4, horizontal, resampled);
                WriteUnpremultiplied(resampled, target.GetRow(y));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(column);
            ArrayPool<float>.Shared.Return(row);
        }

        return target;
    }

    /// <summary>
    /// Resizes the top-left <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/>
    /// region of a plane stored with <paramref name="sourceStride"/> floats a row
    /// into <paramref name="target"/>, <paramref name="targetWidth"/> floats a row.
    /// </summary>
    internal static void ResizeRegion(ReadOnlySpan<float> source, int sourceStride, int sourceWidth, int sourceHeight, Span<float> target, int targetWidth, int targetHeight)
    {
        if (sourceWidth == targetWidth && sourceHeight == targetHeight)
        {
            // The model often works at the canvas size: then this is a crop, not a resample.
            for (int y = 0; y < targetHeight; y++)
            {
                source.Slice(y * sourceStride, sourceWidth).CopyTo(target.Slice(y * targetWidth, targetWidth));
            }

            return;
        }

        ResampleWeights vertical = ResampleWeights.Create(sourceHeight, targetHeight);
        ResampleWeights horizontal = ResampleWeights.Create(sourceWidth, targetWidth);
        float[] column = ArrayPool<float>.Shared.Rent(sourceWidth);
        try
        {
            Span<float> accumulated = column.AsSpan(0, sourceWidth);
            for (int y = 0; y < targetHeight; y++)
            {
                accumulated.Clear();
                for (int tap = 0; tap < vertical.Taps; tap++)
                {
                    float weight = vertical.Weights[(y * vertical.Taps) + tap];
                    if (weight == 0)
                    {
                        continue;
                    }

                    ReadOnlySpan<float> sourceRow = source.Slice(vertical.Indices[(y * vertical.Taps) + tap] * sourceStride, sourceWidth);
                    for (int x = 0; x < sourceWidth; x++)
                    {
                        accumulated[x] += weight * sourceRow[x];
                    }
                }

                HorizontalPass(accumulated, 1, horizontal, target.Slice(y * targetWidth, targetWidth));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(column);
        }
    }

    private static void HorizontalPass(ReadOnlySpan<float> source, int channels, ResampleWeights weights, Span<float> target)
    {
        int taps = weights.Taps;
        for (int x = 0; x < weights.TargetLength; x++)
        {
            for (int c = 0; c < channels; c++)
            {
                float sum = 0;
                for (int tap = 0; tap < taps; tap++)
                {
                    sum += weights.Weights[(x * taps) + tap] * source[(weights.Indices[(x * taps) + tap] * channels) + c];
                }

                target[(x * channels) + c] = sum;
            }
        }
    }

    private static void AccumulatePremultiplied(ReadOnlySpan<byte> rgba, float weight, Span<float> accumulated)
    {
        for (int i = 0; i < rgba.Length; i += 4)
        {
            float alpha = rgba[i + 3] * weight;
            accumulated[i] += rgba[i] * alpha;
            accumulated[i + 1] += rgba[i + 1] * alpha;
            accumulated[i + 2] += rgba[i + 2] * alpha;
            accumulated[i + 3] += alpha;
        }
    }

    private static void WriteUnpremultiplied(ReadOnlySpan<float> premultiplied, Span<byte> rgba)
    {
        for (int i = 0; i < rgba.Length; i += 4)
        {
            float alpha = premultiplied[i + 3];
            if (alpha < 0.5f / 255)
            {
                rgba.Slice(i, 4).Clear();
                continue;
            }

            float inverse = 1 / alpha;
            rgba[i] = ToByte(premultiplied[i] * inverse);
            rgba[i + 1] = ToByte(premultiplied[i + 1] * inverse);
            rgba[i + 2] = ToByte(premultiplied[i + 2] * inverse);
            rgba[i + 3] = ToByte(alpha);
        }
    }

    internal static byte ToByte(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
}
