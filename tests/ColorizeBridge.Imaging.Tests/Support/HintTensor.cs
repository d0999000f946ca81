using ColorizeBridge.Imaging.Geometry;
using ColorizeBridge.Imaging.Hints;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Tests.Support;

/// <summary>
/// The model's <c>hints</c> input: float32 NCHW [1, 4, Height, Width] at a
/// quarter of the work size. Channels 0..2 are the hint colour scaled to
/// [-1, 1] where the mask is 1 and 0 elsewhere; channel 3 is the mask.
/// Tests read cells by index; the server only ever fills a pooled buffer
/// (<see cref="HintRasterizer.RasterizeInto"/>), so this lives with the tests.
/// </summary>
internal sealed class HintTensor
{
    public const int Channels = HintRasterizer.Channels;

    private HintTensor(int width, int height)
    {
        Width = width;
        Height = height;
        Values = new float[Channels * width * height];
    }

    /// <summary>The hint tensor of <paramref name="plan"/> in a new array.</summary>
    /// <exception cref="ArgumentException">As <see cref="HintRasterizer.RasterizeInto"/>.</exception>
    public static HintTensor Rasterize(FitPlan plan, RgbaImage? hintLayer, IReadOnlyList<HintStroke>? strokes = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tensor = new HintTensor(plan.WorkWidth / HintRasterizer.CellSize, plan.WorkHeight / HintRasterizer.CellSize);
        HintRasterizer.RasterizeInto(plan, hintLayer, strokes, tensor.Values);
        return tensor;
    }

    /// <summary>Cells across: work width / 4.</summary>
    public int Width { get; }

    /// <summary>Cells down: work height / 4.</summary>
    public int Height { get; }

    public float[] Values { get; }

    public int[] Shape => [1, Channels, Height, Width];

    /// <summary>Channel <paramref name="channel"/> of cell (x, y).</summary>
    public float this[int channel, int x, int y] => Values[(((channel * Height) + y) * Width) + x];

    public int CountHintedCells()
    {
        ReadOnlySpan<float> mask = Values.AsSpan(3 * Width * Height, Width * Height);
        int count = 0;
        foreach (float value in mask)
        {
            if (value > 0)
            {
                count++;
            }
        }

        return count;
    }
}
