namespace ColorizeBridge.Imaging.Hints;

/// <summary>
/// The model's <c>hints</c> input: float32 NCHW [1, 4, Height, Width] at a
/// quarter of the work size. Channels 0..2 are the hint colour scaled to
/// [-1, 1] where the mask is 1 and 0 elsewhere; channel 3 is the mask.
/// </summary>
public sealed class HintTensor
{
    public const int Channels = 4;

    internal HintTensor(int width, int height)
    {
        Width = width;
        Height = height;
        Values = new float[Channels * width * height];
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
