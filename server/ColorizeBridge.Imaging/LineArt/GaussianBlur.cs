using System.Buffers;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.LineArt;

/// <summary>Separable Gaussian blur of a float plane, edges clamped, kernel radius ceil(3 sigma).</summary>
internal static class GaussianBlur
{
    public static FloatPlane Apply(FloatPlane source, float sigma)
    {
        float[] kernel = Kernel(sigma);
        int radius = kernel.Length / 2;
        int width = source.Width, height = source.Height;
        var target = new FloatPlane(width, height);
        float[] horizontal = ArrayPool<float>.Shared.Rent(width * height);
        try
        {
            ReadOnlySpan<float> values = source.Values;
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<float> row = values.Slice(y * width, width);
                Span<float> outRow = horizontal.AsSpan(y * width, width);
                for (int x = 0; x < width; x++)
                {
                    float sum = 0;
                    for (int k = -radius; k <= radius; k++)
                    {
                        sum += kernel[k + radius] * row[Math.Clamp(x + k, 0, width - 1)];
                    }

                    outRow[x] = sum;
                }
            }

            Span<float> output = target.Values;
            for (int y = 0; y < height; y++)
            {
                Span<float> outRow = output.Slice(y * width, width);
                for (int k = -radius; k <= radius; k++)
                {
                    float weight = kernel[k + radius];
                    ReadOnlySpan<float> row = horizontal.AsSpan(Math.Clamp(y + k, 0, height - 1) * width, width);
                    for (int x = 0; x < width; x++)
                    {
                        outRow[x] += weight * row[x];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(horizontal);
        }

        return target;
    }

    private static float[] Kernel(float sigma)
    {
        int radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var kernel = new float[(2 * radius) + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++)
        {
            double value = Math.Exp(-(i * i) / (2.0 * sigma * sigma));
            kernel[i + radius] = (float)value;
            sum += value;
        }

        for (int i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)(kernel[i] / sum);
        }

        return kernel;
    }
}
