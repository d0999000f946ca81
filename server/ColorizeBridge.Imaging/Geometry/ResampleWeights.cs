namespace ColorizeBridge.Imaging.Geometry;

/// <summary>
/// One axis of a separable resize: for each target index, the source indices
/// and weights that make it. Shrinking uses area averaging (each target pixel
/// is the mean of the source area it covers, so thin lines fade instead of
/// vanishing); enlarging uses centre-aligned bilinear interpolation.
/// </summary>
internal sealed class ResampleWeights
{
    private ResampleWeights(int targetLength, int taps)
    {
        TargetLength = targetLength;
        Taps = taps;
        Indices = new int[targetLength * taps];
        Weights = new float[targetLength * taps];
    }

    public int TargetLength { get; }

    /// <summary>Source samples per target sample; unused taps have weight 0.</summary>
    public int Taps { get; }

    public int[] Indices { get; }

    public float[] Weights { get; }

    public static ResampleWeights Create(int sourceLength, int targetLength)
    {
        return targetLength < sourceLength ? AreaAverage(sourceLength, targetLength) : Bilinear(sourceLength, targetLength);
    }

    private static ResampleWeights AreaAverage(int sourceLength, int targetLength)
    {
        double span = (double)sourceLength / targetLength;
        var weights = new ResampleWeights(targetLength, (int)Math.Ceiling(span) + 1);
        for (int i = 0; i < targetLength; i++)
        {
            double start = i * span, end = Math.Min(sourceLength, (i + 1) * span);
            int tap = 0;
            for (int j = (int)start; j < end && tap < weights.Taps; j++, tap++)
            {
                double overlap = Math.Min(end, j + 1) - Math.Max(start, j);
                weights.Indices[(i * weights.Taps) + tap] = j;
                weights.Weights[(i * weights.Taps) + tap] = (float)(overlap / span);
            }
        }

        return weights;
    }

    private static ResampleWeights Bilinear(int sourceLength, int targetLength)
    {
        double ratio = (double)sourceLength / targetLength;
        var weights = new ResampleWeights(targetLength, 2);
        for (int i = 0; i < targetLength; i++)
        {
            double position = ((i + 0.5) * ratio) - 0.5;
            int left = (int)Math.Floor(position);
            float fraction = (float)(position - left);
            weights.Indices[2 * i] = Math.Clamp(left, 0, sourceLength - 1);
            weights.Indices[(2 * i) + 1] = Math.Clamp(left + 1, 0, sourceLength - 1);
            weights.Weights[2 * i] = 1 - fraction;
            weights.Weights[(2 * i) + 1] = fraction;
        }

        return weights;
    }
}
